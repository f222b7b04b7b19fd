package io.camaudit.capability.engine;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One thing the audit read from a device, flattened to paths and values so that indicator rules
 * can be data: an XML document's elements and attributes ({@code SmartCap/isSupportFaceDetect},
 * {@code Profiles/VideoAnalyticsConfiguration/RuleEngineConfiguration/Rule@Type}), a Dahua
 * configuration's keys ({@code table/T2UServer/Enable}), or a port that answered.
 */
public record Document(
        String probe, String name, String request, Status status, List<Entry> entries, String excerpt, Instant at) {

    /** How the read went. */
    public enum Status {
        READ,
        /** The device wants credentials for it (none were given, or they were refused). */
        UNAUTHORISED,
        /** The device does not offer it. */
        NOT_OFFERED,
        /** The reply was malformed, hostile or cut off: named in {@link #problem()}. */
        FAILED
    }

    /** One value at a path; an element with children has an empty value. */
    public record Entry(String path, String value) {}

    public Document {
        entries = List.copyOf(entries);
        excerpt = Evidence.clip(excerpt);
    }

    public static Document failed(String probe, String name, String request, String problem, Instant at) {
        return new Document(probe, name, request, Status.FAILED, List.of(), problem, at);
    }

    public static Document status(String probe, String name, String request, Status status, Instant at) {
        return new Document(probe, name, request, status, List.of(), "", at);
    }

    /** What went wrong, for a failed read. */
    public @Nullable String problem() {
        return status == Status.FAILED ? excerpt : null;
    }
}
