/** camaudit: the register, survey and assessment of UK public bodies' surveillance cameras. */
@NullMarked
package io.camaudit;

import org.jspecify.annotations.NullMarked;
