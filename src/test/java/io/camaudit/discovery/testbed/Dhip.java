package io.camaudit.discovery.testbed;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Dahua DHIP datagrams: a 32-byte little-endian header with "DHIP", then JSON. */
final class Dhip {

    private Dhip() {}

    static byte[] packet(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return packet(body, body.length);
    }

    /** A packet whose header declares {@code declared} bytes, whatever follows (for hostile replies). */
    static byte[] packet(byte[] body, int declared) {
        ByteBuffer packet = ByteBuffer.allocate(32 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        packet.putInt(0x20)
                .put("DHIP".getBytes(StandardCharsets.US_ASCII))
                .putInt(0)
                .putInt(0);
        packet.putInt(declared).putInt(0).putInt(declared).putInt(0);
        packet.put(body);
        return packet.array();
    }
}
