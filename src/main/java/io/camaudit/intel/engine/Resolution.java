package io.camaudit.intel.engine;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Who really made a device, as far as the evidence goes: the ultimate manufacturer (the group
 * parent, such as Hikvision for an EZVIZ camera), the brand it was sold as and how that brand
 * relates to the maker, a confidence from 0 to 1, and the evidence, each item with its sources.
 * An unresolved device has no maker and a confidence of 0.
 */
public record Resolution(
        @Nullable String maker,
        @Nullable String makerName,
        @Nullable String soldAs,
        @Nullable BrandRelation relation,
        double confidence,
        List<Evidence> evidence,
        String bundleVersion) {

    /** Below this a resolution goes to the review queue even though it names a maker. */
    public static final double REVIEW_BELOW = 0.7;

    public boolean resolved() {
        return maker != null;
    }

    public boolean needsReview() {
        return maker == null
                || confidence < REVIEW_BELOW
                || evidence.stream().anyMatch(e -> e.kind() == Evidence.Kind.LEAD);
    }

    /** "Sold as Lorex, made by Dahua (relabel)", or "Unknown maker". */
    public String path() {
        if (maker == null) {
            return "Unknown maker";
        }
        if (soldAs == null || soldAs.equalsIgnoreCase(makerName)) {
            return "Made by " + makerName;
        }
        String how = relation == null
                ? ""
                : switch (relation) {
                    case OWN -> " (a " + makerName + " brand)";
                    case SUBSIDIARY -> " (a brand of a " + makerName + " subsidiary)";
                    case RELABEL -> " (relabelled)";
                    case PARTIAL_RELABEL -> " (relabelled; the brand also sells its own products)";
                    case LEAD -> "";
                };
        return "Sold as " + soldAs + ", made by " + makerName + how;
    }

    /** A confidence in words, for pages: high from 0.9, medium from 0.7, otherwise low. */
    public String confidenceLabel() {
        if (maker == null) {
            return "None";
        }
        return confidence >= 0.9 ? "High" : confidence >= REVIEW_BELOW ? "Medium" : "Low";
    }
}
