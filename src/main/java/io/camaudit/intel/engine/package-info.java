/**
 * The intel bundle, the resolver and the policy engine, in plain Java: they take reference data
 * and strings and give judgements with their evidence, and run as well inside a stream processor
 * as inside the service.
 */
@NullMarked
@NamedInterface("engine")
package io.camaudit.intel.engine;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
