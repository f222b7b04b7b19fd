package io.camaudit.discovery.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one HTTP/1.x or RTSP/1.0 response from a device, defensively: the head is at most 16 KiB
 * and 100 header lines, the body at most the survey's reply limit, and the whole exchange must end
 * within the read timeout however slowly the bytes come. A device that sends too much is cut off
 * (and the reply marked truncated); one that sends garbage gets a {@link MalformedReplyException}.
 */
final class Wire {

    static final int MAX_HEAD = 16 * 1024;
    static final int MAX_HEADERS = 100;

    private Wire() {}

    static final class MalformedReplyException extends IOException {
        MalformedReplyException(String message) {
            super(message);
        }
    }

    /**
     * Sends the request and reads the response. {@code headOnly} is for replies that have no body
     * whatever their headers say (a response to HEAD).
     */
    static TextReply exchange(Socket socket, byte[] request, SurveySettings settings) throws IOException {
        long deadline = System.nanoTime() + settings.readTimeout().toNanos();
        socket.getOutputStream().write(request);
        socket.getOutputStream().flush();
        Bounded in = new Bounded(socket, deadline);
        String statusLine = in.line();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !(parts[0].startsWith("HTTP/1.") || parts[0].equals("RTSP/1.0"))) {
            throw new MalformedReplyException("not an HTTP or RTSP status line: " + printable(statusLine));
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new MalformedReplyException("the status \"" + printable(parts[1]) + "\" is not a number");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int count = 0; ; count++) {
            String line = in.line();
            if (line.isEmpty()) {
                break;
            }
            if (count >= MAX_HEADERS) {
                throw new MalformedReplyException("more than " + MAX_HEADERS + " header lines");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue; // a broken header line is skipped, as browsers do
            }
            headers.computeIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).strip());
        }
        int limit = settings.maxReplyBytes();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean truncated = false;
        String length = first(headers, "content-length");
        String encoding = first(headers, "transfer-encoding");
        if (status == 204 || status == 304 || (status >= 100 && status < 200)) {
            // no body
        } else if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            truncated = in.chunked(body, limit);
        } else if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                throw new MalformedReplyException("Content-Length \"" + printable(length) + "\" is not a number");
            }
            if (declared < 0) {
                throw new MalformedReplyException("negative Content-Length");
            }
            truncated = declared > limit;
            in.copy(body, Math.min(declared, limit));
        } else if (parts[0].startsWith("HTTP")) {
            truncated = in.untilClose(body, limit);
        }
        return new TextReply(status, parts[0], headers, body.toByteArray(), truncated);
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null ? null : values.get(0);
    }

    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < 80; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return out.toString();
    }

    /** A socket's input with a deadline for the whole reply and a cap on every read. */
    private static final class Bounded {
        private final Socket socket;
        private final InputStream in;
        private final long deadline;
        private int headBytes;

        Bounded(Socket socket, long deadline) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.deadline = deadline;
        }

        private int read() throws IOException {
            arm();
            return in.read();
        }

        private int read(byte[] buffer, int length) throws IOException {
            arm();
            return in.read(buffer, 0, length);
        }

        /** Each read waits only for what is left of the exchange's time. */
        private void arm() throws IOException {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new SocketTimeoutException("the device did not finish its reply in time");
            }
            socket.setSoTimeout((int) Math.max(1, left));
        }

        String line() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            while (true) {
                int b = read();
                if (b < 0) {
                    if (line.size() == 0) {
                        throw new MalformedReplyException("the connection closed before the reply's head ended");
                    }
                    break;
                }
                if (++headBytes > MAX_HEAD) {
                    throw new MalformedReplyException("the reply's head is longer than " + MAX_HEAD + " bytes");
                }
                if (b == '\n') {
                    break;
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.ISO_8859_1);
        }

        void copy(ByteArrayOutputStream out, long count) throws IOException {
            byte[] buffer = new byte[8192];
            long left = count;
            while (left > 0) {
                int n = read(buffer, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    return; // shorter than declared: keep what came
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        }

        boolean untilClose(ByteArrayOutputStream out, int limit) throws IOException {
            byte[] buffer = new byte[8192];
            while (true) {
                int n = read(buffer, buffer.length);
                if (n < 0) {
                    return false;
                }
                int keep = Math.min(n, limit - out.size());
                out.write(buffer, 0, keep);
                if (out.size() >= limit) {
                    return true;
                }
            }
        }

        boolean chunked(ByteArrayOutputStream out, int limit) throws IOException {
            while (true) {
                String sizeLine = line().split(";", 2)[0].strip();
                int size;
                try {
                    size = Integer.parseInt(sizeLine, 16);
                } catch (NumberFormatException e) {
                    throw new MalformedReplyException("chunk size \"" + printable(sizeLine) + "\" is not hexadecimal");
                }
                headBytes = 0; // chunk lines are counted afresh; their data is bounded by the limit
                if (size < 0) {
                    throw new MalformedReplyException("negative chunk size");
                }
                if (size == 0) {
                    return false;
                }
                if (out.size() + size > limit) {
                    copy(out, limit - out.size());
                    return true;
                }
                copy(out, size);
                line(); // the CRLF after the chunk
            }
        }
    }
}
