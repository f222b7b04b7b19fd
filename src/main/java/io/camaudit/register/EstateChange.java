package io.camaudit.register;

import org.jspecify.annotations.Nullable;

/**
 * What a bulk import did to one register row: created it, or updated it from {@code beforeState}
 * (JSON) leaving it at {@code afterVersion}. Enough to undo the import exactly.
 */
public record EstateChange(
        String entityType,
        long entityId,
        String kind,
        @Nullable String beforeState,
        @Nullable Integer afterVersion) {

    public static final String CREATED = "CREATED";
    public static final String UPDATED = "UPDATED";
}
