package io.camaudit.register;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The fields of a site a user supplies. */
public record SiteDraft(
        String name, @Nullable String address, @Nullable String postcode, SiteKind kind, boolean sensitive) {

    /** The shape of a UK postcode, as the Royal Mail's PAF documents it (outward and inward parts). */
    private static final String POSTCODE = "[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}";

    public SiteDraft {
        name = Text.required(name, "name", 200);
        address = Text.optional(address, "address", 400);
        postcode = Text.optional(postcode, "postcode", 10);
        if (postcode != null) {
            String upper = postcode.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
            if (!upper.matches(POSTCODE)) {
                throw new IllegalArgumentException("\"" + postcode + "\" is not a UK postcode, such as SW1A 2AA");
            }
            postcode = upper.contains(" ")
                    ? upper
                    : upper.substring(0, upper.length() - 3) + " " + upper.substring(upper.length() - 3);
        }
    }
}
