package io.camaudit.capability.engine;

/** What one indicator says of a feature when it holds. */
public enum Claim {
    /** The device has it (whether on or off is not said). */
    PRESENT,
    /** The device has it and it is switched on. */
    ENABLED,
    /** The device has it and it is switched off. */
    DISABLED,
    /** The device says it does not have it. */
    ABSENT
}
