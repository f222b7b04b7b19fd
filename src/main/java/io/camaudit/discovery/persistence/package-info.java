/** The surveys' tables: permits, surveys and the hosts they found. */
@NullMarked
package io.camaudit.discovery.persistence;

import org.jspecify.annotations.NullMarked;
