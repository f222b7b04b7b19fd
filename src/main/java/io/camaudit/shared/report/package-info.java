/**
 * Charts and documents every feature draws the same way: bar charts as accessible SVG, and plain
 * A4 PDFs of headings, paragraphs, tables and charts.
 */
@NullMarked
@NamedInterface("report")
package io.camaudit.shared.report;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
