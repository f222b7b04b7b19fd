package io.camaudit.shared;

/** The request clashes with the current state (a duplicate name, a stale edit, an undone import). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
