/**
 * The national review (issue #8): where the country stands, for the Commissioner's auditors: the
 * share of bodies running devices from listed suppliers, overall and by sector, region and
 * supplier, devices by maker and the brand they were sold as, with a drill-down to the bodies
 * behind each figure, charts as accessible SVG and every table as CSV.
 */
@NullMarked
package io.camaudit.review;

import org.jspecify.annotations.NullMarked;
