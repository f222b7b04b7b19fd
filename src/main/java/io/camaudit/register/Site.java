package io.camaudit.register;

import org.jspecify.annotations.Nullable;

/** A place where a body operates cameras. */
public record Site(
        long id,
        long organisationId,
        String name,
        @Nullable String address,
        @Nullable String postcode,
        SiteKind kind,
        boolean sensitive,
        Provenance provenance) {}
