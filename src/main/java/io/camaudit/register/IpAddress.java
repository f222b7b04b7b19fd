package io.camaudit.register;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IPv4 or IPv6 address literal. Parsing never performs a name lookup. */
public record IpAddress(String value) {

    private static final java.util.regex.Pattern IPV4 = java.util.regex.Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final java.util.regex.Pattern IPV6_CHARACTERS = java.util.regex.Pattern.compile("[0-9A-Fa-f:.]+");

    public static IpAddress of(String text) {
        String trimmed = text.trim();
        if (IPV4.matcher(trimmed).matches()) {
            for (String octet : trimmed.split("\\.")) {
                if (Integer.parseInt(octet) > 255 || (octet.length() > 1 && octet.startsWith("0"))) {
                    throw invalid(text);
                }
            }
            return new IpAddress(trimmed);
        }
        // Only hex digits, colons and an optional embedded IPv4 tail: InetAddress then parses a
        // literal and cannot fall back to DNS.
        if (trimmed.contains(":") && IPV6_CHARACTERS.matcher(trimmed).matches()) {
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
