package io.camaudit.register;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IPv4 or IPv6 address literal. Parsing never performs a name lookup. */
public record IpAddress(String value) {

    public static IpAddress of(String text) {
        String trimmed = text.trim();
        if (trimmed.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            for (String octet : trimmed.split("\\.")) {
                if (Integer.parseInt(octet) > 255 || (octet.length() > 1 && octet.startsWith("0"))) {
                    throw invalid(text);
                }
            }
            return new IpAddress(trimmed);
        }
        // Only hex digits, colons and an optional embedded IPv4 tail: InetAddress then parses a
        // literal and cannot fall back to DNS.
        if (trimmed.contains(":") && trimmed.matches("[0-9A-Fa-f:.]+")) {
            try {
                return new IpAddress(InetAddress.getByName(trimmed).getHostAddress());
            } catch (UnknownHostException e) {
                throw invalid(text);
            }
        }
        throw invalid(text);
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("\"" + text + "\" is not an IPv4 or IPv6 address");
    }

    @Override
    public String toString() {
        return value;
    }
}
