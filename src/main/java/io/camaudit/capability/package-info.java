/**
 * Capability audit: for every device camaudit can reach, which capabilities it has, which are
 * switched on, which contradict what the body declared, whether it links to a vendor cloud or
 * offers risky services, and which known exploited vulnerabilities its firmware matches; never
 * by attacking it.
 */
@NullMarked
package io.camaudit.capability;

import org.jspecify.annotations.NullMarked;
