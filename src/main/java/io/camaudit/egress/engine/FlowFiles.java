package io.camaudit.egress.engine;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads a file of flows whatever its kind, told by its content and not by its name: a pcap or
 * pcapng capture, an IPFIX file, a Zeek conn.log or dns.log (tab-separated or JSON), or an
 * {@code nfdump -o csv} export; each of them possibly gzipped.
 */
public final class FlowFiles {

    /** The kinds of file read. */
    public enum Kind {
        PCAP("pcap or pcapng capture"),
        IPFIX("IPFIX file"),
        ZEEK("Zeek log"),
        CSV("nfdump CSV export");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * What a file gave, by kind: the records read (packets of a capture, flow records of IPFIX and
     * CSV, lines of a Zeek log) and the problems named (with their line or byte offset).
     */
    public record Outcome(Kind kind, boolean gzipped, long records, List<String> problems) {}

    /** A file of no kind camaudit reads. */
    public static final class UnknownKindException extends IOException {
        public UnknownKindException(String message) {
            super(message);
        }
    }

    private FlowFiles() {}

    public static Outcome read(InputStream raw, String name, FlowSink sink) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        byte[] head = peek(in, 4096);
        boolean gzipped = head.length >= 2 && (head[0] & 0xFF) == 0x1f && (head[1] & 0xFF) == 0x8b;
        InputStream content = in;
        if (gzipped) {
            content = new BufferedInputStream(BoundedGzip.of(in), 1 << 16);
            head = peek((BufferedInputStream) content, 4096);
        }
        Kind kind = kind(head, name);
        switch (kind) {
            case PCAP -> {
                Capture.Outcome o = Capture.read(content, name, sink);
                return new Outcome(kind, gzipped, o.packets(), o.problem() == null ? List.of() : List.of(o.problem()));
            }
            case IPFIX -> {
                IpfixFile.Outcome o = IpfixFile.read(content, name, sink);
                return new Outcome(kind, gzipped, o.flows(), o.problem() == null ? List.of() : List.of(o.problem()));
            }
            case ZEEK -> {
                ZeekLog.Outcome o = ZeekLog.read(content, name, sink);
                return new Outcome(kind, gzipped, o.records(), o.problems());
            }
            default -> {
                CsvFlows.Outcome o = CsvFlows.read(content, name, sink);
                return new Outcome(kind, gzipped, o.flows(), o.problems());
            }
        }
    }

    static Kind kind(byte[] head, String name) throws UnknownKindException {
        if (head.length >= 4) {
            int magic =
                    ((head[0] & 0xFF) << 24) | ((head[1] & 0xFF) << 16) | ((head[2] & 0xFF) << 8) | (head[3] & 0xFF);
            if (magic == 0x0A0D0D0A
                    || magic == 0xA1B2C3D4
                    || magic == 0xD4C3B2A1
                    || magic == 0xA1B23C4D
                    || magic == 0x4D3CB2A1) {
                return Kind.PCAP;
            }
            int length = ((head[2] & 0xFF) << 8) | (head[3] & 0xFF);
            if (head[0] == 0 && head[1] == 10 && length >= 16) {
                return Kind.IPFIX;
            }
        }
        String text = new String(head, StandardCharsets.UTF_8);
        String first = text.lines().findFirst().orElse("");
        if (first.startsWith("#separator")
                || first.startsWith("#fields")
                || first.startsWith("#path")
                || (first.startsWith("{") && text.contains("\"id.orig_h\""))) {
            return Kind.ZEEK;
        }
        if (CsvFlows.isHeader(first)) {
            return Kind.CSV;
        }
        throw new UnknownKindException(name + " is not a file of flows camaudit reads: not a pcap or pcapng capture, an"
                + " IPFIX file, a Zeek conn.log or dns.log, or an nfdump CSV export (gzipped or not)");
    }

    private static byte[] peek(BufferedInputStream in, int bytes) throws IOException {
        in.mark(bytes);
        byte[] head = in.readNBytes(bytes);
        in.reset();
        return head;
    }
}
