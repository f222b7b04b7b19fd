package io.camaudit.intel.engine;

import java.time.LocalDate;

/** What a check knows beyond the supplier: whether the purchase is for a sensitive site, and today's date. */
public record CheckContext(boolean sensitiveSite, LocalDate today) {}
