/** The national review pages and their CSV exports. */
@NullMarked
package io.camaudit.review.web;

import org.jspecify.annotations.NullMarked;
