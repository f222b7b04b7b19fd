package io.camaudit.register;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What is stated about a device, as the body stated it. The manufacturer and brand are kept as
 * typed ("HIK VISION"); resolving them to the real maker is the intel feature's job.
 */
public record DeviceFacts(
        @Nullable String manufacturer,
        @Nullable String brand,
        @Nullable String model,
        @Nullable String firmware,
        @Nullable String serialNumber,
        @Nullable MacAddress macAddress,
        @Nullable IpAddress ipAddress,
        @Nullable String assetTag,
        Set<Capability> capabilities,
        DeviceStatus status,
        @Nullable LocalDate installedOn,
        @Nullable LocalDate statusChangedOn) {

    public DeviceFacts {
        capabilities = capabilities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(capabilities));
        if (status == DeviceStatus.IN_SERVICE && statusChangedOn != null) {
            throw new IllegalArgumentException("a device in service has no removal or replacement date");
        }
        if (installedOn != null && statusChangedOn != null && statusChangedOn.isBefore(installedOn)) {
            throw new IllegalArgumentException(
                    "the device was " + status.label().toLowerCase(java.util.Locale.ROOT) + " on " + statusChangedOn
                            + ", before it was installed on " + installedOn);
        }
    }

    /** "Hikvision DS-2CD2143G0-I" or whatever parts are known. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        for (String part : new String[] {manufacturer, brand, model}) {
            if (part != null && !part.isBlank() && text.indexOf(part) < 0) {
                if (text.length() > 0) {
                    text.append(' ');
                }
                text.append(part);
            }
        }
        return text.length() == 0 ? "Unknown device" : text.toString();
    }
}
