package io.camaudit.register;

import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** The facts of a device that each carry their own provenance. */
public enum DeviceField {
    SITE("Site", d -> d.siteId()),
    CAMERA_SYSTEM("Camera system", d -> d.systemId()),
    MANUFACTURER("Manufacturer", d -> d.facts().manufacturer()),
    BRAND("Brand", d -> d.facts().brand()),
    MODEL("Model", d -> d.facts().model()),
    FIRMWARE("Firmware", d -> d.facts().firmware()),
    SERIAL_NUMBER("Serial number", d -> d.facts().serialNumber()),
    MAC_ADDRESS("MAC address", d -> d.facts().macAddress()),
    IP_ADDRESS("IP address", d -> d.facts().ipAddress()),
    ASSET_TAG("Asset tag", d -> d.facts().assetTag()),
    CAPABILITIES("Capabilities", d -> d.facts().capabilities()),
    STATUS("Status", d -> d.facts().status()),
    INSTALLED_ON("Installed on", d -> d.facts().installedOn()),
    STATUS_CHANGED_ON("Removed or replaced on", d -> d.facts().statusChangedOn());

    private final String label;
    private final Function<Placed, Object> value;

    DeviceField(String label, Function<Placed, Object> value) {
        this.label = label;
        this.value = value;
    }

    public String label() {
        return label;
    }

    /** Whether the field has the same value in both. */
    public boolean same(Placed a, Placed b) {
        return Objects.equals(value.apply(a), value.apply(b));
    }

    /** A device's facts with where it is placed: what a write gives and what a field reads. */
    public record Placed(@Nullable Long siteId, @Nullable Long systemId, DeviceFacts facts) {}
}
