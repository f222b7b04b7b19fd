package io.camaudit.discovery.testbed;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** What a hostile device sends instead of an answer. */
final class Hostility {

    private Hostility() {}

    static void misbehave(Profile.Hostile how, OutputStream out) throws IOException {
        switch (how) {
            case ENDLESS_BODY -> {
                out.write("HTTP/1.1 200 OK\r\nServer: App-webs/\r\nContent-Type: text/html\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                byte[] block = "<p>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA</p>\n"
                        .repeat(256)
                        .getBytes(StandardCharsets.US_ASCII);
                for (long sent = 0; sent < 512L * 1024 * 1024; sent += block.length) {
                    out.write(block); // until the scanner hangs up (an IOException ends this)
                }
            }
            case SLOW_DRIP -> {
                byte[] reply = "HTTP/1.1 200 OK\r\nServer: slow\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
                for (byte b : reply) {
                    out.write(b);
                    out.flush();
                    sleep(400);
                }
                for (int i = 0; i < 200; i++) {
                    out.write('x');
                    out.flush();
                    sleep(400);
                }
            }
            case HUGE_HEADERS -> {
                out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < 100_000; i++) {
                    out.write(("X-Filler-" + i + ": " + "y".repeat(100) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
            }
            case GARBAGE -> {
                byte[] noise = new byte[4096];
                new java.util.Random(7).nextBytes(noise);
                out.write(noise);
            }
            case ENTITY_EXPANSION -> {
                String bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                        + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                        + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
                        + "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
                        + "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><DeviceInfo"
                        + " xmlns=\"http://www.hikvision.com/ver20/XMLSchema\"><model>&lol4;&xxe;</model></DeviceInfo>";
                out.write(Http.response(200, "OK", "Content-Type: application/xml\r\n", bomb)
                        .getBytes(StandardCharsets.UTF_8));
            }
            default -> throw new IllegalArgumentException("no such hostility: " + how);
        }
        out.flush();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
