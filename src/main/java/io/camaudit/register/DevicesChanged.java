package io.camaudit.register;

/**
 * Published when devices of an organisation were added, changed or removed, so that features
 * that annotate devices (such as who made them) can catch up once the change has committed.
 */
public record DevicesChanged(long organisationId) {}
