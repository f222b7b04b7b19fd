package io.camaudit.egress.engine;

/** Input that is not the format it claims, or lies about its lengths: names what and at which byte offset. */
public final class FlowFormatException extends Exception {

    private final long offset;

    public FlowFormatException(String message, long offset) {
        super(message + " (at byte " + offset + ")");
        this.offset = offset;
    }

    public long offset() {
        return offset;
    }
}
