package io.camaudit.register;

import org.jspecify.annotations.Nullable;

/** The fields of an organisation a user supplies. */
public record OrganisationDraft(
        String name, Sector sector, Region region, @Nullable String officialCode) {

    public OrganisationDraft {
        name = Text.required(name, "name", 200);
        officialCode = Text.optional(officialCode, "official code", 40);
    }
}
