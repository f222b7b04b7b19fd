package io.camaudit.intel;

/** Published after a body's devices were resolved to their makers again (what the national review counts). */
public record ResolutionsChanged(long organisationId) {}
