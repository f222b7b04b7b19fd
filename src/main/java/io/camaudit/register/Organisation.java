package io.camaudit.register;

import org.jspecify.annotations.Nullable;

/** A public body whose surveillance estate is registered. */
public record Organisation(
        long id,
        String name,
        Sector sector,
        Region region,
        @Nullable String officialCode,
        Provenance provenance) {}
