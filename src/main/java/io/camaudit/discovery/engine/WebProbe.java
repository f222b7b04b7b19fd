package io.camaudit.discovery.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

/**
 * HTTP and HTTPS, read-only: {@code GET /} (status, {@code Server}, the authentication realm, the
 * page title), {@code GET /favicon.ico} (its MD5), Hikvision's {@code /ISAPI/System/deviceInfo}
 * and Dahua's {@code magicBox.cgi} {@code getDeviceType} and {@code getSystemInfo}; over TLS also
 * the certificate's subject and issuer. Only GET, never a credential.
 */
final class WebProbe {

    private static final Pattern TITLE = Pattern.compile("<title[^>]*>([^<]{0,300})</title>", Pattern.CASE_INSENSITIVE);

    private final ScopedNetwork network;
    private final String userAgent;

    WebProbe(ScopedNetwork network, String userAgent) {
        this.network = network;
        this.userAgent = userAgent;
    }

    List<Observation> probe(InetAddress address, int port, boolean tls) throws InterruptedException {
        String probe = tls ? "https" : "http";
        List<Observation> seen = new ArrayList<>();
        @Nullable TextReply root = get(address, port, tls, "/", seen, probe);
        if (root == null) {
            return seen;
        }
        seen.add(new Observation(probe, port, "http.status", Integer.toString(root.status())));
        describe(probe, port, root, "http", seen);
        String body = root.bodyText();
        Matcher title = TITLE.matcher(body);
        if (title.find() && !title.group(1).isBlank()) {
            seen.add(new Observation(probe, port, "http.title", title.group(1).strip()));
        }
        if (!body.isBlank()) {
            seen.add(new Observation(probe, port, "http.body", body));
        }
        String location = root.header("location");
        if (location != null) {
            seen.add(new Observation(probe, port, "http.location", location));
        }
        TextReply favicon = get(address, port, tls, "/favicon.ico", seen, probe);
        if (favicon != null && favicon.status() == 200 && favicon.body().length > 0 && !favicon.truncated()) {
            seen.add(new Observation(probe, port, "http.favicon.md5", md5(favicon.body())));
        }
        isapi(address, port, tls, probe, seen);
        dahua(address, port, tls, probe, seen);
        return seen;
    }

    private void isapi(InetAddress address, int port, boolean tls, String probe, List<Observation> seen)
            throws InterruptedException {
        TextReply reply = get(address, port, tls, "/ISAPI/System/deviceInfo", seen, probe);
        if (reply == null) {
            return;
        }
        seen.add(new Observation(probe, port, "isapi.status", Integer.toString(reply.status())));
        describe(probe, port, reply, "isapi", seen);
        if (reply.status() != 200 || reply.truncated()) {
            return;
        }
        try {
            Element info = SafeXml.parse(reply.body());
            if (!"DeviceInfo".equals(info.getLocalName())) {
                return;
            }
            if (info.getNamespaceURI() != null) {
                seen.add(new Observation(probe, port, "isapi.namespace", info.getNamespaceURI()));
            }
            String[][] fields = {
                {"model", "model"},
                {"serialNumber", "serial"},
                {"macAddress", "mac"},
                {"firmwareVersion", "firmware"},
                {"firmwareReleasedDate", "firmwareDate"},
                {"deviceType", "deviceType"},
                {"deviceName", "name"},
                {"manufacturer", "manufacturer"}
            };
            for (String[] field : fields) {
                String value = SafeXml.text(info, field[0]);
                if (value != null) {
                    seen.add(new Observation(probe, port, "isapi." + field[1], value));
                }
            }
        } catch (SafeXml.BadXmlException e) {
            seen.add(new Observation(probe, port, "isapi.error", e.getMessage()));
        }
    }

    private void dahua(InetAddress address, int port, boolean tls, String probe, List<Observation> seen)
            throws InterruptedException {
        String[][] calls = {{"getDeviceType", "magicbox.getDeviceType"}, {"getSystemInfo", "magicbox.getSystemInfo"}};
        for (String[] call : calls) {
            TextReply reply = get(address, port, tls, "/cgi-bin/magicBox.cgi?action=" + call[0], seen, probe);
            if (reply == null) {
                return;
            }
            seen.add(new Observation(probe, port, call[1] + ".status", Integer.toString(reply.status())));
            describe(probe, port, reply, call[1], seen);
            if (reply.status() != 200 || reply.truncated()) {
                continue;
            }
            // key=value lines: "type=IPC-HDW2431T-AS-S2", or "deviceType=…", "serialNumber=…"
            for (String line : reply.bodyText().split("\r?\n")) {
                int eq = line.indexOf('=');
                if (eq > 0 && eq < 64) {
                    String key = line.substring(0, eq).strip();
                    String value = line.substring(eq + 1).strip();
                    if (!value.isEmpty() && key.matches("[A-Za-z][A-Za-z0-9.]*")) {
                        seen.add(new Observation(probe, port, "dahua." + key, value));
                    }
                }
            }
        }
    }

    /** The headers any reply may name its maker by: the server, the realm and the auth scheme. */
    private static void describe(String probe, int port, TextReply reply, String prefix, List<Observation> seen) {
        String server = reply.header("server");
        if (server != null && prefix.equals("http")) {
            seen.add(new Observation(probe, port, "http.server", server));
        } else if (server != null) {
            seen.add(new Observation(probe, port, prefix + ".server", server));
        }
        String realm = reply.realm();
        if (realm != null) {
            seen.add(new Observation(probe, port, prefix + ".realm", realm));
        }
    }

    private @Nullable TextReply get(
            InetAddress address, int port, boolean tls, String path, List<Observation> seen, String probe)
            throws InterruptedException {
        Socket socket = network.connect(address, port);
        if (socket == null) {
            return null;
        }
        try {
            Socket stream = socket;
            if (tls) {
                SSLSocket ssl = (SSLSocket) DeviceHttp.insecureContext()
                        .getSocketFactory()
                        .createSocket(socket, address.getHostAddress(), port, true);
                ssl.startHandshake();
                if (path.equals("/")) {
                    certificate(ssl, port, seen, probe);
                }
                stream = ssl;
            }
            String host = address.getHostAddress() + ((tls && port == 443) || (!tls && port == 80) ? "" : ":" + port);
            String request = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: " + userAgent
                    + "\r\nAccept: */*\r\nConnection: close\r\n\r\n";
            return Wire.exchange(stream, request.getBytes(StandardCharsets.US_ASCII), network.settings());
        } catch (Wire.MalformedReplyException e) {
            seen.add(new Observation(probe, port, "http.error", "GET " + path + ": " + e.getMessage()));
            return null;
        } catch (IOException e) {
            return null;
        } finally {
            ScopedNetwork.closeQuietly(socket);
        }
    }

    private static void certificate(SSLSocket ssl, int port, List<Observation> seen, String probe) {
        try {
            if (ssl.getSession().getPeerCertificates()[0] instanceof X509Certificate cert) {
                seen.add(new Observation(
                        probe,
                        port,
                        "tls.subject",
                        cert.getSubjectX500Principal().getName()));
                seen.add(new Observation(
                        probe, port, "tls.issuer", cert.getIssuerX500Principal().getName()));
            }
        } catch (IOException e) {
            // no certificate to read
        }
    }

    static String md5(byte[] bytes) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(bytes))
                    .toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }
}
