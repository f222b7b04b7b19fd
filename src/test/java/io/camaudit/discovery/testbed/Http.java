package io.camaudit.discovery.testbed;

import java.nio.charset.StandardCharsets;

/** Raw HTTP/1.1 responses as embedded web servers send them. */
final class Http {

    private Http() {}

    static String response(int status, String reason, String headers, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return "HTTP/1.1 " + status + " " + reason + "\r\n" + headers + "Content-Length: " + bytes.length
                + "\r\nConnection: close\r\n\r\n" + body;
    }

    static String notFound() {
        return response(404, "Not Found", "Content-Type: text/html\r\n", "<html><body>404 Not Found</body></html>");
    }

    static String digest(String server, String realm) {
        return response(
                401,
                "Unauthorized",
                (server == null ? "" : "Server: " + server + "\r\n")
                        + "WWW-Authenticate: Digest qop=\"auth\", realm=\"" + realm
                        + "\", nonce=\"4e5468694e7a4e6b4d5455354e6a4d354f513d3d\", stale=\"FALSE\"\r\n"
                        + "Content-Type: text/html\r\n",
                "<!DOCTYPE html><html><head><title>Document Error: Unauthorized</title></head>"
                        + "<body><h2>Access Error: 401 -- Unauthorized</h2></body></html>");
    }

    static byte[] soap(int status, String envelope) {
        byte[] body = envelope.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + (status == 200 ? " OK" : " Bad Request") + "\r\nServer: gSOAP/2.8\r\n"
                + "Content-Type: application/soap+xml; charset=utf-8\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n";
        byte[] out = new byte[head.length() + body.length];
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, out, 0, head.length());
        System.arraycopy(body, 0, out, head.length(), body.length);
        return out;
    }
}
