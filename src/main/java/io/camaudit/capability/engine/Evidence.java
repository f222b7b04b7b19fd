package io.camaudit.capability.engine;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Why the audit believes something: the request it sent (never with a credential in it), an
 * excerpt of what came back, when, and the rule that read it with the rule's public source.
 */
public record Evidence(
        String request,
        String excerpt,
        Instant at,
        @Nullable String rule,
        @Nullable String source) {

    /** Excerpts are kept short: enough to show a person, never a whole document. */
    public static final int MAX_EXCERPT = 300;

    public Evidence {
        excerpt = clip(excerpt);
    }

    static String clip(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < MAX_EXCERPT; i++) {
            char c = text.charAt(i);
            out.append(c == '\n' || c == '\r' || c == '\t' ? ' ' : (c < 0x20 || c == 0x7F ? '?' : c));
        }
        if (text.length() > MAX_EXCERPT) {
            out.append('…');
        }
        return out.toString();
    }
}
