package io.camaudit.egress.engine;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 or IPv6 address as two longs, so that a flow carries its addresses without an object
 * per address. IPv4 is held in the low 32 bits with {@code v4} set.
 */
public record Ip(long high, long low, boolean v4) {

    public static final Ip NONE = new Ip(0, 0, true);

    public static Ip v4(int address) {
        return new Ip(0, address & 0xFFFF_FFFFL, true);
    }

    public static Ip v6(long high, long low) {
        return new Ip(high, low, false);
    }

    public static Ip of(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return v4(((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF));
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (b[i] & 0xFF);
            low = (low << 8) | (b[i + 8] & 0xFF);
        }
        return v6(high, low);
    }

    /** Parses a literal address (never a host name: no look-up is made). */
    public static Ip parse(String literal) {
        String text = literal.strip();
        if (!text.matches("[0-9A-Fa-f:.]{2,45}")) {
            throw new IllegalArgumentException("not an IP address: " + literal);
        }
        try {
            return of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + literal, e);
        }
    }

    public InetAddress toInetAddress() {
        byte[] b;
        if (v4) {
            b = new byte[] {(byte) (low >>> 24), (byte) (low >>> 16), (byte) (low >>> 8), (byte) low};
        } else {
            b = new byte[16];
            for (int i = 0; i < 8; i++) {
                b[i] = (byte) (high >>> (56 - 8 * i));
                b[i + 8] = (byte) (low >>> (56 - 8 * i));
            }
        }
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }

    @Override
    public String toString() {
        if (v4) {
            return (low >>> 24) + "." + ((low >>> 16) & 0xFF) + "." + ((low >>> 8) & 0xFF) + "." + (low & 0xFF);
        }
        return toInetAddress().getHostAddress();
    }
}
