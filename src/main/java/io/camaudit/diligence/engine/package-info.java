/**
 * Due diligence in plain Java: questionnaires read and checked from their JSON, the clock and
 * standing of a request, completeness and scoring of answers, and the checks an uploaded evidence
 * file must pass (its type by content, its size, an archive's expansion).
 */
@NullMarked
@NamedInterface("engine")
package io.camaudit.diligence.engine;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
