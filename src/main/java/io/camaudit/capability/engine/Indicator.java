package io.camaudit.capability.engine;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One rule of the indicator file: where a probe's document says something of a feature. The
 * locator is a path suffix in the flattened document ({@code SmartCap/isSupportFaceDetect}), whose
 * segments may be {@code *} (any one) or {@code **} (any number), ending in {@code @name} for an
 * attribute; the pattern is matched against the whole value, ignoring case (empty: any value).
 * {@code verified} says whether the rule's document names come from the maker's or ONVIF's own
 * specification (yes) or from public client code that reads such devices (no).
 */
public record Indicator(
        String id,
        String probe,
        String document,
        String locator,
        Pattern value,
        Feature feature,
        Claim claim,
        String detail,
        String source,
        boolean verified) {

    /** The detail with {@code {value}} replaced by what the device said. */
    public String detailFor(Document.Entry entry) {
        return detail.replace("{value}", Evidence.clip(entry.value()));
    }

    /** Whether an entry of a document of this indicator's probe and name is one this rule reads. */
    boolean matches(Document.Entry entry) {
        return pathMatches(entry.path()) && value.matcher(entry.value()).matches();
    }

    boolean pathMatches(String path) {
        List<String> want = List.of(locator.split("/"));
        List<String> have = List.of(path.split("/"));
        return suffix(want, want.size() - 1, have, have.size() - 1);
    }

    private static boolean suffix(List<String> want, int w, List<String> have, int h) {
        if (w < 0) {
            return true;
        }
        if (h < 0) {
            return false;
        }
        String segment = want.get(w);
        if (segment.equals("**")) {
            for (int skip = h; skip >= -1; skip--) {
                if (suffix(want, w - 1, have, skip)) {
                    return true;
                }
            }
            return false;
        }
        boolean same = segment.equals("*")
                || segment.toLowerCase(Locale.ROOT).equals(have.get(h).toLowerCase(Locale.ROOT));
        return same && suffix(want, w - 1, have, h - 1);
    }
}
