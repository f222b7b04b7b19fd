package io.camaudit.egress.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * Reads an IPFIX file (RFC 5655: IPFIX messages one after another) as a stream: one message in
 * memory at a time (at most 65,535 bytes, as the message's own length field allows), so memory
 * does not grow with the file. A message cut short or malformed is reported with its byte offset;
 * the flows before it are kept.
 */
public final class IpfixFile {

    /** How a file went: messages and flows read, records without a template, and the first problem, if any. */
    public record Outcome(
            long messages,
            long flows,
            long withoutTemplate,
            @org.jspecify.annotations.Nullable String problem) {}

    private IpfixFile() {}

    /** Reads the file into a sink (which may skip the flows it only counts: {@link FlowSink#onlyCounts4}). */
    public static Outcome read(InputStream in, String name, FlowSink out) throws IOException {
        FlowDecoder decoder = new FlowDecoder();
        byte[] buffer = new byte[65_535];
        ByteBuffer message = ByteBuffer.wrap(buffer); // one view of the buffer for every message
        long offset = 0;
        long messages = 0;
        long flows = 0;
        long withoutTemplate = 0;
        while (true) {
            int head = in.readNBytes(buffer, 0, 16);
            if (head == 0) {
                return new Outcome(messages, flows, withoutTemplate, null);
            }
            if (head < 16) {
                return new Outcome(
                        messages,
                        flows,
                        withoutTemplate,
                        name + ": the file ends inside an IPFIX message header (at byte " + offset + ")");
            }
            int version = ((buffer[0] & 0xFF) << 8) | (buffer[1] & 0xFF);
            int length = ((buffer[2] & 0xFF) << 8) | (buffer[3] & 0xFF);
            if (version != 10) {
                return new Outcome(
                        messages,
                        flows,
                        withoutTemplate,
                        name + ": version " + version + " where an IPFIX message should start (at byte " + offset
                                + ")");
            }
            if (length < 16) {
                return new Outcome(
                        messages,
                        flows,
                        withoutTemplate,
                        name + ": an IPFIX message of " + length + " bytes, shorter than its header (at byte " + offset
                                + ")");
            }
            int body = in.readNBytes(buffer, 16, length - 16);
            if (body < length - 16) {
                return new Outcome(
                        messages,
                        flows,
                        withoutTemplate,
                        name + ": the file ends inside an IPFIX message of " + length + " bytes (at byte " + offset
                                + ")");
            }
            FlowDecoder.Outcome outcome = decoder.decode(message.limit(length).position(0), name, offset, out);
            messages++;
            flows += outcome.flows();
            withoutTemplate += outcome.withoutTemplate();
            if (!outcome.complete()) {
                return new Outcome(messages, flows, withoutTemplate, name + ": " + outcome.problem());
            }
            offset += length;
        }
    }
}
