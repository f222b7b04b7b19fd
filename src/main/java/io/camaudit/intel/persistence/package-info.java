/** Storage of intel bundles, local mappings and organisations' chosen policies (JDBC). */
@NullMarked
package io.camaudit.intel.persistence;

import org.jspecify.annotations.NullMarked;
