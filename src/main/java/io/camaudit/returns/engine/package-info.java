/** Reading and checking returns, in plain Java: bounded CSV and XLSX readers, header matching, row rules. */
@NullMarked
@NamedInterface("engine")
package io.camaudit.returns.engine;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
