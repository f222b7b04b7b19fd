/** A read model of a body's in-service devices with their site's kind and sensitivity and their resolved maker. */
@NullMarked
package io.camaudit.risk.persistence;

import org.jspecify.annotations.NullMarked;
