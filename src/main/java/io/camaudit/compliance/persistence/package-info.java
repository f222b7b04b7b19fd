/** The self-assessment tables: assessments, answers, action plans. */
@NullMarked
package io.camaudit.compliance.persistence;

import org.jspecify.annotations.NullMarked;
