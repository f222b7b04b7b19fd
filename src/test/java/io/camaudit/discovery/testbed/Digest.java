package io.camaudit.discovery.testbed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HTTP Digest (RFC 7616, MD5, qop=auth) as a device's web server checks it. */
final class Digest {

    static final String NONCE = "4e5468694e7a4e6b4d5455354e6a4d354f513d3d";
    private static final Pattern AUTHORIZATION = Pattern.compile("(?im)^authorization:\\s*Digest\\s+(.*)$");
    private static final Pattern PARAMETER = Pattern.compile("([a-z]+)=(?:\"([^\"]*)\"|([^,\\s]+))");

    private Digest() {}

    static String challenge(String server, String realm) {
        return Http.digest(server, realm);
    }

    /** Whether the request head carries a Digest answer for this account, realm and the device's nonce. */
    static boolean valid(String head, String method, String user, String password, String realm) {
        if (user == null) {
            return true; // an open device
        }
        Matcher header = AUTHORIZATION.matcher(head);
        if (!header.find()) {
            return false;
        }
        Map<String, String> p = new HashMap<>();
        Matcher m = PARAMETER.matcher(header.group(1));
        while (m.find()) {
            p.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2) != null ? m.group(2) : m.group(3));
        }
        if (!user.equals(p.get("username")) || !realm.equals(p.get("realm")) || !NONCE.equals(p.get("nonce"))) {
            return false;
        }
        String ha1 = md5(user + ":" + realm + ":" + password);
        String ha2 = md5(method + ":" + p.get("uri"));
        String expected = "auth".equals(p.get("qop"))
                ? md5(ha1 + ":" + NONCE + ":" + p.get("nc") + ":" + p.get("cnonce") + ":auth:" + ha2)
                : md5(ha1 + ":" + NONCE + ":" + ha2);
        return expected.equals(p.get("response"));
    }

    private static String md5(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
