package io.camaudit.register;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One camera, recorder or video server in a body's register. {@code provenance} is that of the
 * write that last changed it; {@code sources} keeps the provenance of facts that write left alone.
 */
public record Device(
        long id,
        long organisationId,
        @Nullable Long siteId,
        @Nullable Long systemId,
        String naturalKey,
        DeviceFacts facts,
        Provenance provenance,
        @Nullable FactSources sources,
        int version) {

    public Device {
        // Devices recorded before facts had their own sources (and their JSON in import history).
        sources = sources == null ? FactSources.NONE : sources;
    }

    public Set<Capability> capabilities() {
        return facts.capabilities();
    }

    public DeviceField.Placed placed() {
        return new DeviceField.Placed(siteId, systemId, facts);
    }

    /** Where one fact came from. */
    public Provenance sourceOf(DeviceField field) {
        return java.util.Objects.requireNonNull(sources).of(field, provenance);
    }
}
