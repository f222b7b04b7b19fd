package io.camaudit.register;

import org.jspecify.annotations.Nullable;

/** A device as a bulk import states it, with the site and system it names and its provenance. */
public record ImportedDevice(
        @Nullable String siteName,
        @Nullable String address,
        @Nullable String postcode,
        @Nullable SiteKind siteKind,
        boolean sensitive,
        @Nullable String systemName,
        String naturalKey,
        DeviceFacts facts,
        Provenance provenance) {}
