package io.camaudit.intel.engine;

import org.jspecify.annotations.Nullable;

/**
 * What is known of a device, as typed or as seen: the manufacturer and brand strings, the model,
 * the MAC address (canonical form), and later a scan's banners. Any part may be missing.
 */
public record DeviceEvidence(
        @Nullable String manufacturer,
        @Nullable String brand,
        @Nullable String model,
        @Nullable String mac) {

    /** A single string that may hold a supplier, a brand, a model or all of them ("HiLook IPC-B140H"). */
    public static DeviceEvidence ofText(String text) {
        return new DeviceEvidence(text, null, text, null);
    }

    boolean isEmpty() {
        return blank(manufacturer) && blank(brand) && blank(model) && mac == null;
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
