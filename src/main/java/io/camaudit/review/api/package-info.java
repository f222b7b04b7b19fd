/** The national review as JSON. */
@NullMarked
package io.camaudit.review.api;

import org.jspecify.annotations.NullMarked;
