package io.camaudit.shared;

/**
 * The thing asked for does not exist, or the viewer may not know of it: both answer 404, so that
 * an officer cannot probe for another body's records.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " was not found");
    }
}
