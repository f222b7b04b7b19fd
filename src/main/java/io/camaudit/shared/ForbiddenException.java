package io.camaudit.shared;

/** The viewer may see the thing but not change it (an auditor, say). */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
