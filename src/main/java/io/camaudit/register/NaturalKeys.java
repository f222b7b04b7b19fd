package io.camaudit.register;

import io.camaudit.shared.Labelled;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The keys by which a re-imported return finds the records it created before, so that importing
 * the same file twice changes nothing.
 */
public final class NaturalKeys {

    private NaturalKeys() {}

    /**
     * A device is known by its serial number, else its MAC address, else the body's asset tag, else
     * by where it is and what it is with an ordinal ("the third Hikvision DS-2CD2143G0-I at the
     * Town Hall"), which is what a Freedom of Information answer that only counts cameras gives.
     */
    public static String device(
            @Nullable String serialNumber,
            @Nullable MacAddress mac,
            @Nullable String assetTag,
            @Nullable String siteName,
            @Nullable String manufacturer,
            @Nullable String model,
            int ordinal) {
        if (serialNumber != null && !serialNumber.isBlank()) {
            return "serial:" + serialNumber.trim().toUpperCase(Locale.ROOT);
        }
        if (mac != null) {
            return "mac:" + mac.value();
        }
        if (assetTag != null && !assetTag.isBlank()) {
            return "asset:" + assetTag.trim().toLowerCase(Locale.ROOT);
        }
        return "row:" + squashOrDash(siteName) + "|" + squashOrDash(manufacturer) + "|" + squashOrDash(model) + "|"
                + ordinal;
    }

    /**
     * The manufacturer as stated, reduced for searching: "HIK VISION", "Hik-Vision" and "hikvision"
     * share one key. Real resolution of brands to makers is the intel feature's job.
     */
    public static @Nullable String manufacturerKey(@Nullable String manufacturer) {
        if (manufacturer == null) {
            return null;
        }
        String key = Labelled.squash(manufacturer);
        return key.isEmpty() ? null : key;
    }

    private static String squashOrDash(@Nullable String text) {
        if (text == null) {
            return "-";
        }
        String squashed = Labelled.squash(text);
        return squashed.isEmpty() ? "-" : squashed;
    }
}
