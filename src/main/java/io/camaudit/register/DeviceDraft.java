package io.camaudit.register;

import org.jspecify.annotations.Nullable;

/** The fields of a device a user supplies, and where it is. */
public record DeviceDraft(@Nullable Long siteId, @Nullable Long systemId, DeviceFacts facts) {

    public DeviceDraft {
        Text.optional(facts.manufacturer(), "manufacturer", 200);
        Text.optional(facts.brand(), "brand", 200);
        Text.optional(facts.model(), "model", 200);
        Text.optional(facts.firmware(), "firmware", 100);
        Text.optional(facts.serialNumber(), "serial number", 100);
        Text.optional(facts.assetTag(), "asset tag", 100);
        if (isBlank(facts.manufacturer()) && isBlank(facts.brand()) && isBlank(facts.model())) {
            throw new IllegalArgumentException("give at least a manufacturer, brand or model");
        }
    }

    private static boolean isBlank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
