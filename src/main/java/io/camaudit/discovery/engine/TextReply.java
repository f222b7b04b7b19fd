package io.camaudit.discovery.engine;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP or RTSP response as read from a device, within the survey's limits: the status, the
 * headers (names in lower case, in order), the body, and whether anything was cut off.
 */
public record TextReply(
        int status, String protocol, Map<String, List<String>> headers, byte[] body, boolean truncated) {

    public @Nullable String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public List<String> headers(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** The body as text, in the charset the reply names or else UTF-8 (bad bytes replaced). */
    public String bodyText() {
        String type = header("content-type");
        if (type != null) {
            int at = type.toLowerCase(Locale.ROOT).indexOf("charset=");
            if (at >= 0) {
                String name = type.substring(at + 8).replace("\"", "").split("[;\\s]")[0];
                try {
                    return new String(body, java.nio.charset.Charset.forName(name));
                } catch (RuntimeException e) {
                    // an unknown charset falls back to UTF-8
                }
            }
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The realm of a {@code WWW-Authenticate} challenge, Basic or Digest, or null. A camera's
     * realm often names its maker or model ("AXIS_ACCC8E…", "IP Camera(C1234)").
     */
    public @Nullable String realm() {
        for (String challenge : headers("www-authenticate")) {
            java.util.regex.Matcher m = REALM.matcher(challenge);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    private static final java.util.regex.Pattern REALM =
            java.util.regex.Pattern.compile("realm=\"([^\"]{0,200})\"", java.util.regex.Pattern.CASE_INSENSITIVE);
}
