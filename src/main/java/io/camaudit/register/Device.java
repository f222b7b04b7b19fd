package io.camaudit.register;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/** One camera, recorder or video server in a body's register. */
public record Device(
        long id,
        long organisationId,
        @Nullable Long siteId,
        @Nullable Long systemId,
        String naturalKey,
        DeviceFacts facts,
        Provenance provenance,
        int version) {

    public Set<Capability> capabilities() {
        return facts.capabilities();
    }
}
