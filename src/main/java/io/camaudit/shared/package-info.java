/** Types every feature shares: the viewer and its role, and the common exceptions. */
@NullMarked
package io.camaudit.shared;

import org.jspecify.annotations.NullMarked;
