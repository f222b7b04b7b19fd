package io.camaudit.shared;

/** Input that cannot be accepted (a malformed file, a hostile reply); the message says what and where. */
public class BadInputException extends RuntimeException {

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
