/** The read model the national review counts from: bodies, and their in-service devices by resolved maker. */
@NullMarked
package io.camaudit.review.persistence;

import org.jspecify.annotations.NullMarked;
