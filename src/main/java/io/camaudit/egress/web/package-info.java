/** The egress pages: a body's networks, files, alerts and exports; one alert; notes on device and organisation pages. */
@NullMarked
package io.camaudit.egress.web;

import org.jspecify.annotations.NullMarked;
