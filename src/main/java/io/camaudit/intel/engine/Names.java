package io.camaudit.intel.engine;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How strings are compared: folded to lower case with accents and punctuation gone, so that
 * "HIK-VISION", "Hik Vision" and "hikvision" meet, in words ({@link #words}) or as one run of
 * letters and digits ({@link #squash}).
 */
public final class Names {

    private Names() {}

    /** Lower-case words of letters and digits (any script), in order. */
    public static List<String> words(String text) {
        String folded = fold(text);
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= folded.length(); i++) {
            boolean letter = i < folded.length() && Character.isLetterOrDigit(folded.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                words.add(folded.substring(start, i));
                start = -1;
            }
        }
        return words;
    }

    /** The letters and digits alone: "Hik-Vision Ltd." becomes "hikvisionltd". */
    public static String squash(String text) {
        String folded = fold(text);
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** NFKD without combining marks, lower case: "Café" and "CAFE" both become "cafe". */
    static String fold(String text) {
        boolean ascii = true;
        for (int i = 0; i < text.length() && ascii; i++) {
            ascii = text.charAt(i) < 128;
        }
        String decomposed = ascii ? text : Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
