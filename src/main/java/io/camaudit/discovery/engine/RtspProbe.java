package io.camaudit.discovery.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * RTSP, read-only: {@code OPTIONS} (the {@code Server} header and the methods offered) and
 * {@code DESCRIBE} of the root stream, which a camera answers with a 401 whose realm often names it.
 * No credentials are sent; the stream is never played.
 */
final class RtspProbe {

    private final ScopedNetwork network;
    private final String userAgent;

    RtspProbe(ScopedNetwork network, String userAgent) {
        this.network = network;
        this.userAgent = userAgent;
    }

    List<Observation> probe(InetAddress address, int port) throws InterruptedException {
        List<Observation> seen = new ArrayList<>();
        String url = "rtsp://" + address.getHostAddress() + ":" + port + "/";
        TextReply options = send(address, port, "OPTIONS " + url + " RTSP/1.0\r\nCSeq: 1\r\n", seen);
        if (options == null) {
            return seen;
        }
        seen.add(new Observation("rtsp", port, "rtsp.status", Integer.toString(options.status())));
        record(options, port, seen);
        String methods = options.header("public");
        if (methods != null) {
            seen.add(new Observation("rtsp", port, "rtsp.public", methods));
        }
        TextReply describe =
                send(address, port, "DESCRIBE " + url + " RTSP/1.0\r\nCSeq: 2\r\nAccept: application/sdp\r\n", seen);
        if (describe != null) {
            seen.add(new Observation("rtsp", port, "rtsp.describe.status", Integer.toString(describe.status())));
            record(describe, port, seen);
        }
        return seen;
    }

    private static void record(TextReply reply, int port, List<Observation> seen) {
        String server = reply.header("server");
        if (server != null
                && seen.stream()
                        .noneMatch(o ->
                                o.field().equals("rtsp.server") && o.value().equals(server))) {
            seen.add(new Observation("rtsp", port, "rtsp.server", server));
        }
        String realm = reply.realm();
        if (realm != null) {
            seen.add(new Observation("rtsp", port, "rtsp.realm", realm));
        }
    }

    private @Nullable TextReply send(InetAddress address, int port, String head, List<Observation> seen)
            throws InterruptedException {
        Socket socket = network.connect(address, port);
        if (socket == null) {
            return null;
        }
        try {
            String request = head + "User-Agent: " + userAgent + "\r\n\r\n";
            return Wire.exchange(socket, request.getBytes(StandardCharsets.US_ASCII), network.settings());
        } catch (Wire.MalformedReplyException e) {
            seen.add(new Observation("rtsp", port, "rtsp.error", e.getMessage()));
            return null;
        } catch (IOException e) {
            return null;
        } finally {
            ScopedNetwork.closeQuietly(socket);
        }
    }
}
