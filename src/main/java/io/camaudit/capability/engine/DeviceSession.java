package io.camaudit.capability.engine;

import io.camaudit.discovery.engine.DeviceHttp;
import io.camaudit.discovery.engine.TextReply;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The audit's GETs to one web port of one device, authenticated where the body gave credentials:
 * a device's Digest challenge is answered once and then reused for the following requests (as
 * browsers do), and answered afresh when the device says the nonce is stale. Every read becomes a
 * {@link Document}; no credential is ever part of one.
 */
final class DeviceSession {

    private final DeviceHttp http;
    private final InetAddress address;
    private final int port;
    private final boolean tls;
    private final @Nullable AuditCredentials credentials;
    private final Clock clock;
    private DigestAuth.@Nullable Challenge challenge;
    private int count;
    private boolean refusedCredentials;
    /** Set when a device over TLS offers only Basic: then, and only then, the password goes inside TLS. */
    private boolean basicOnlyOverTls;

    DeviceSession(
            DeviceHttp http,
            InetAddress address,
            int port,
            boolean tls,
            @Nullable AuditCredentials credentials,
            Clock clock) {
        this.http = http;
        this.address = address;
        this.port = port;
        this.tls = tls;
        this.credentials = credentials;
        this.clock = clock;
    }

    /** Whether the device turned the credentials down (a second 401 after answering its challenge). */
    boolean refusedCredentials() {
        return refusedCredentials;
    }

    /** GETs the path and turns the reply's body into entries (or a failure the parser names). */
    Document get(String probe, String path, Function<TextReply, List<Document.Entry>> parse)
            throws InterruptedException {
        String request = "GET " + path + (tls ? " (HTTPS " : " (HTTP ") + port + ")";
        TextReply reply;
        try {
            reply = fetch(path);
        } catch (UnreadableException e) {
            return Document.failed(probe, path, request, e.getMessage(), clock.instant());
        }
        if (reply == null) {
            return Document.status(probe, path, request, Document.Status.NOT_OFFERED, clock.instant());
        }
        if (reply.status() == 401 || reply.status() == 403) {
            return Document.status(probe, path, request, Document.Status.UNAUTHORISED, clock.instant());
        }
        if (reply.status() != 200) {
            return new Document(
                    probe,
                    path,
                    request,
                    Document.Status.NOT_OFFERED,
                    List.of(),
                    "HTTP " + reply.status(),
                    clock.instant());
        }
        if (reply.truncated()) {
            return Document.failed(probe, path, request, "the reply was cut off at the limit", clock.instant());
        }
        try {
            return new Document(
                    probe, path, request, Document.Status.READ, parse.apply(reply), reply.bodyText(), clock.instant());
        } catch (UnreadableException e) {
            return Document.failed(probe, path, request, e.getMessage(), clock.instant());
        }
    }

    /** Thrown by a parser for a reply it cannot read; the message says why, for the report. */
    static final class UnreadableException extends RuntimeException {
        UnreadableException(String message) {
            super(message);
        }
    }

    private @Nullable TextReply fetch(String path) throws InterruptedException {
        TextReply reply = send(path);
        if (reply == null || reply.status() != 401 || credentials == null) {
            return reply;
        }
        List<String> challenges = reply.headers("www-authenticate");
        DigestAuth.Challenge fresh = DigestAuth.challenge(challenges);
        if (fresh != null) {
            challenge = fresh; // a first challenge, or a fresh nonce for a stale one
            count = 0;
        } else if (tls && DigestAuth.basicOnly(challenges) && !basicOnlyOverTls) {
            basicOnlyOverTls = true;
        } else {
            return reply; // Basic over plain HTTP, or a scheme not spoken: the password is not sent
        }
        TextReply answer = send(path);
        if (answer != null && answer.status() == 401) {
            refusedCredentials = true;
        }
        return answer;
    }

    private @Nullable TextReply send(String path) throws InterruptedException {
        DeviceHttp.Exchange exchange = http.send(address, port, tls, "GET", path, headers(path), null);
        if (exchange.error() != null) {
            throw new UnreadableException(exchange.error());
        }
        return exchange.reply();
    }

    private Map<String, String> headers(String path) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (credentials != null && challenge != null) {
            headers.put("Authorization", DigestAuth.authorization(challenge, credentials, "GET", path, ++count));
        } else if (credentials != null && tls && basicOnlyOverTls) {
            headers.put(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((credentials.username() + ":" + credentials.password())
                                            .getBytes(StandardCharsets.UTF_8)));
        }
        return headers;
    }
}
