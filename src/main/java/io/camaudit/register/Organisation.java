package io.camaudit.register;

import org.jspecify.annotations.Nullable;

/**
 * A public body whose surveillance estate is registered.
 *
 * @param contactEmail where the body takes information requests (its FOI or data protection
 *     address): campaigns and review reminders are mailed there
 */
public record Organisation(
        long id,
        String name,
        Sector sector,
        Region region,
        @Nullable String officialCode,
        @Nullable String contactEmail,
        Provenance provenance) {}
