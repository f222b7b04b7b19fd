package io.camaudit.intel.engine;

import java.util.Locale;

/**
 * One condition of a policy rule, written in the bundle as {@code listed:<listing>},
 * {@code country:<ISO code>}, {@code state-share>=<percent>}, {@code site:sensitive},
 * {@code unresolved} or {@code diligence:overdue}.
 */
public sealed interface Condition {

    /** The maker or its group is on the listing (by name, or by country for the UK instruction). */
    record Listed(String listing) implements Condition {}

    /** The maker or its group is a company of this country. */
    record Country(String code) implements Condition {}

    /** A state body holds at least this share of the maker or its group. */
    record StateShareAtLeast(double percent) implements Condition {}

    /** The purchase is for a sensitive site. */
    record SensitiveSite() implements Condition {}

    /** The maker could not be identified. */
    record Unresolved() implements Condition {}

    /** The supplier has left a due-diligence request unanswered past the policy's deadline. */
    record DiligenceOverdue() implements Condition {}

    /** The requester's reviewers rejected the supplier's due-diligence answers. */
    record DiligenceRejected() implements Condition {}

    /**
     * Reads one condition.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static Condition parse(String text) {
        String condition = text.strip();
        if (condition.startsWith("listed:") && condition.length() > "listed:".length()) {
            return new Listed(condition.substring("listed:".length()));
        }
        if (condition.startsWith("country:")) {
            String code = condition.substring("country:".length());
            if (!code.matches("[A-Z]{2}")) {
                throw new IllegalArgumentException(
                        "\"" + condition + "\" needs a two-letter country code, such as country:CN");
            }
            return new Country(code);
        }
        if (condition.startsWith("state-share>=")) {
            try {
                double percent = Double.parseDouble(condition.substring("state-share>=".length()));
                if (percent < 0 || percent > 100) {
                    throw new NumberFormatException();
                }
                return new StateShareAtLeast(percent);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("\"" + condition + "\" needs a percentage from 0 to 100");
            }
        }
        return switch (condition.toLowerCase(Locale.ROOT)) {
            case "site:sensitive" -> new SensitiveSite();
            case "unresolved" -> new Unresolved();
            case "diligence:overdue" -> new DiligenceOverdue();
            case "diligence:rejected" -> new DiligenceRejected();
            default ->
                throw new IllegalArgumentException("\"" + condition + "\" is not a condition; use listed:<listing>,"
                        + " country:<code>, state-share>=<percent>, site:sensitive, unresolved or diligence:overdue");
        };
    }

    /** The condition as the bundle writes it. */
    default String text() {
        if (this instanceof Listed listed) {
            return "listed:" + listed.listing();
        }
        if (this instanceof Country country) {
            return "country:" + country.code();
        }
        if (this instanceof StateShareAtLeast share) {
            return "state-share>=" + share.percent();
        }
        if (this instanceof SensitiveSite) {
            return "site:sensitive";
        }
        return this instanceof Unresolved ? "unresolved" : "diligence:overdue";
    }
}
