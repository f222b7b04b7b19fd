package io.camaudit.returns;

/** Where an uploaded return is: checked and waiting, in the register, taken back out, or unreadable. */
public enum ImportStatus {
    PREVIEWED,
    COMMITTED,
    UNDONE,
    REJECTED
}
