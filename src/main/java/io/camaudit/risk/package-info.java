/**
 * Risk scores (issue #8): a score for each device, site and body from documented factors with
 * their weights and sources (reference data), each score opened to the factors that made it.
 */
@NullMarked
package io.camaudit.risk;

import org.jspecify.annotations.NullMarked;
