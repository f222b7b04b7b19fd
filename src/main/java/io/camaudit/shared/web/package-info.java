/** Web helpers every feature's pages share: GOV.UK form parsing, select options, UK date formats. */
@NullMarked
@NamedInterface("web")
package io.camaudit.shared.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
