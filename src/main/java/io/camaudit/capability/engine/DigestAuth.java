package io.camaudit.capability.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * HTTP Digest access authentication (RFC 7616; MD5 and SHA-256, with and without {@code qop=auth}),
 * which is how Hikvision and Dahua devices guard their interfaces. The password never leaves this
 * class: only the digest of it, the nonce the device chose and the request does.
 */
final class DigestAuth {

    private static final Pattern PARAMETER =
            Pattern.compile("([A-Za-z-]+)\\s*=\\s*(?:\"([^\"]{0,512})\"|([^,\\s]{1,512}))");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A device's Digest challenge. */
    record Challenge(String realm, String nonce, @Nullable String opaque, String algorithm, boolean qopAuth) {}

    private DigestAuth() {}

    /** The first Digest challenge among the WWW-Authenticate headers that this class can answer, or null. */
    static @Nullable Challenge challenge(List<String> headers) {
        for (String header : headers) {
            if (!header.regionMatches(true, 0, "Digest ", 0, 7)) {
                continue;
            }
            Map<String, String> parameters = new HashMap<>();
            Matcher m = PARAMETER.matcher(header.substring(7));
            while (m.find()) {
                parameters.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2) != null ? m.group(2) : m.group(3));
            }
            String realm = parameters.get("realm");
            String nonce = parameters.get("nonce");
            String algorithm = parameters.getOrDefault("algorithm", "MD5").toUpperCase(Locale.ROOT);
            String qop = parameters.get("qop");
            boolean qopAuth = qop != null
                    && List.of(qop.toLowerCase(Locale.ROOT).split("\\s*,\\s*")).contains("auth");
            if (realm == null || nonce == null || !(algorithm.equals("MD5") || algorithm.equals("SHA-256"))) {
                continue;
            }
            if (qop != null && !qopAuth) {
                continue; // only auth-int is offered, which a GET does not need and this class does not speak
            }
            return new Challenge(realm, nonce, parameters.get("opaque"), algorithm, qopAuth);
        }
        return null;
    }

    /** Whether the headers offer only Basic authentication. */
    static boolean basicOnly(List<String> headers) {
        return !headers.isEmpty() && headers.stream().allMatch(h -> h.regionMatches(true, 0, "Basic", 0, 5));
    }

    static String authorization(
            Challenge challenge, AuditCredentials credentials, String method, String uri, int count) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        return authorization(
                challenge, credentials, method, uri, count, HexFormat.of().formatHex(nonce));
    }

    static String authorization(
            Challenge challenge, AuditCredentials credentials, String method, String uri, int count, String cnonce) {
        String ha1 = hash(
                challenge.algorithm(), credentials.username() + ":" + challenge.realm() + ":" + credentials.password());
        String ha2 = hash(challenge.algorithm(), method + ":" + uri);
        String nc = String.format(Locale.ROOT, "%08x", count);
        String response = challenge.qopAuth()
                ? hash(challenge.algorithm(), ha1 + ":" + challenge.nonce() + ":" + nc + ":" + cnonce + ":auth:" + ha2)
                : hash(challenge.algorithm(), ha1 + ":" + challenge.nonce() + ":" + ha2);
        StringBuilder header = new StringBuilder("Digest username=\"")
                .append(credentials.username())
                .append("\", realm=\"")
                .append(challenge.realm())
                .append("\", nonce=\"")
                .append(challenge.nonce())
                .append("\", uri=\"")
                .append(uri)
                .append("\", algorithm=")
                .append(challenge.algorithm())
                .append(", response=\"")
                .append(response)
                .append('"');
        if (challenge.qopAuth()) {
            header.append(", qop=auth, nc=")
                    .append(nc)
                    .append(", cnonce=\"")
                    .append(cnonce)
                    .append('"');
        }
        if (challenge.opaque() != null) {
            header.append(", opaque=\"").append(challenge.opaque()).append('"');
        }
        return header.toString();
    }

    static String hash(String algorithm, String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm.equals("SHA-256") ? "SHA-256" : "MD5");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 and SHA-256 are part of every Java runtime", e);
        }
    }
}
