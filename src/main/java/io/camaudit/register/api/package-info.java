/** The register's JSON API. */
@NullMarked
package io.camaudit.register.api;

import org.jspecify.annotations.NullMarked;
