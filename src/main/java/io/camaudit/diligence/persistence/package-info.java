/** The due-diligence tables: suppliers, questionnaires, requests, answers, evidence, messages, scores, links and mail. */
@NullMarked
package io.camaudit.diligence.persistence;

import org.jspecify.annotations.NullMarked;
