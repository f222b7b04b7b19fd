package io.camaudit.discovery.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP/1.1 exchange with a device, through the scope guard and within the survey's limits
 * (see {@link Wire}): for features beyond the survey that read more of a device, such as the
 * capability audit. The caller chooses the method; this class adds only Host, User-Agent,
 * Content-Length and {@code Connection: close}.
 */
public final class DeviceHttp {

    /** What came back: a reply, or the reason there was none that a report should name (or neither, if nothing listened). */
    public record Exchange(
            @Nullable TextReply reply, @Nullable String error) {

        public static Exchange nothing() {
            return new Exchange(null, null);
        }
    }

    private final ScopedNetwork network;
    private final String userAgent;

    public DeviceHttp(ScopedNetwork network, String userAgent) {
        this.network = network;
        this.userAgent = userAgent;
    }

    public ScopedNetwork network() {
        return network;
    }

    /**
     * Sends one request and reads its reply. {@code headers} are added as given (an Authorization,
     * a Content-Type); a header value with a line break is refused, so nothing a device said can
     * be smuggled into a request.
     */
    public Exchange send(
            InetAddress address,
            int port,
            boolean tls,
            String method,
            String path,
            Map<String, String> headers,
            byte @Nullable [] body)
            throws InterruptedException {
        if (!path.startsWith("/") || path.chars().anyMatch(c -> c < 0x21 || c > 0x7E)) {
            throw new IllegalArgumentException("not a request path: " + Wire.printable(path));
        }
        StringBuilder head = new StringBuilder()
                .append(method)
                .append(' ')
                .append(path)
                .append(" HTTP/1.1\r\nHost: ")
                .append(address.getHostAddress());
        if (!((tls && port == 443) || (!tls && port == 80))) {
            head.append(':').append(port);
        }
        head.append("\r\nUser-Agent: ").append(userAgent).append("\r\nAccept: */*\r\n");
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getValue().indexOf('\r') >= 0 || header.getValue().indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a header value may not break a line: " + header.getKey());
            }
            head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = start;
        if (body != null) {
            request = new byte[start.length + body.length];
            System.arraycopy(start, 0, request, 0, start.length);
            System.arraycopy(body, 0, request, start.length, body.length);
        }
        Socket socket = network.connect(address, port);
        if (socket == null) {
            return Exchange.nothing();
        }
        try {
            Socket stream = socket;
            if (tls) {
                SSLSocket ssl = (SSLSocket)
                        insecureContext().getSocketFactory().createSocket(socket, address.getHostAddress(), port, true);
                ssl.startHandshake();
                stream = ssl;
            }
            return new Exchange(Wire.exchange(stream, request, network.settings()), null);
        } catch (Wire.MalformedReplyException e) {
            return new Exchange(null, method + " " + path + ": " + e.getMessage());
        } catch (java.net.SocketTimeoutException e) {
            return new Exchange(null, method + " " + path + ": the device did not finish its reply in time");
        } catch (IOException e) {
            return Exchange.nothing();
        } finally {
            ScopedNetwork.closeQuietly(socket);
        }
    }

    /**
     * A TLS context that accepts any certificate: a device's own certificate is self-signed, and
     * what is read from it is checked by content, not trusted for its signature. Credentials sent
     * over such a channel are protected from eavesdroppers, not from an impostor at the address,
     * which is why the audit sends only digests, never a password in clear (ADR 009).
     */
    static SSLContext insecureContext() throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            TrustManager[] readAnything = {
                new X509TrustManager() {
                    @Override
                    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

                    @Override
                    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

                    @Override
                    public X509Certificate[] getAcceptedIssuers() {
                        return new X509Certificate[0];
                    }
                }
            };
            context.init(null, readAnything, null);
            return context;
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("TLS is not available", e);
        }
    }
}
