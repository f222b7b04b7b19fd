package io.camaudit.register;

import org.jspecify.annotations.Nullable;

/** A camera system: who runs it, why, who installed it, what records it and how it was bought. */
public record CameraSystem(
        long id,
        long organisationId,
        String name,
        @Nullable String operator,
        @Nullable String purpose,
        @Nullable String installer,
        @Nullable String recorder,
        Procurement procurement,
        Provenance provenance) {}
