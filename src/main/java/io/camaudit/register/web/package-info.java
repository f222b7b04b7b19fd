/** The register's GOV.UK pages. */
@NullMarked
package io.camaudit.register.web;

import org.jspecify.annotations.NullMarked;
