package io.camaudit.discovery.engine;

/** A probe tried to reach an address outside the survey's scope; the packet was not sent. */
public final class OutOfScopeException extends RuntimeException {

    public OutOfScopeException(String message) {
        super(message);
    }
}
