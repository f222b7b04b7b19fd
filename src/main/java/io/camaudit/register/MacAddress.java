package io.camaudit.register;

import java.util.Locale;

/** An IEEE 802 MAC-48 address, kept in the canonical lower-case colon form. */
public record MacAddress(String value) {

    private static final java.util.regex.Pattern CANONICAL =
            java.util.regex.Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");
    private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("[:.\\-\\s]");
    private static final java.util.regex.Pattern TWELVE_HEX = java.util.regex.Pattern.compile("[0-9a-f]{12}");

    public MacAddress {
        if (!CANONICAL.matcher(value).matches()) {
            throw new IllegalArgumentException("not a canonical MAC address: " + value);
        }
    }

    /**
     * Accepts the spellings devices and spreadsheets use: {@code 44:19:B6:01:02:03},
     * {@code 44-19-b6-01-02-03}, {@code 4419.b601.0203} and {@code 4419B6010203}.
     */
    public static MacAddress of(String text) {
        String hex = text.trim().toLowerCase(Locale.ROOT).replace(":", "");
        hex = SEPARATORS.matcher(hex).replaceAll("");
        if (!TWELVE_HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException(
                    "\"" + text + "\" is not a MAC address (expected six hex pairs, " + "such as 44:19:B6:01:02:03)");
        }
        StringBuilder out = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                out.append(':');
            }
            out.append(hex, i, i + 2);
        }
        return new MacAddress(out.toString());
    }

    /** The first three octets, the MA-L assignment that names the registrant. */
    public String oui() {
        return value.substring(0, 8);
    }

    @Override
    public String toString() {
        return value;
    }
}
