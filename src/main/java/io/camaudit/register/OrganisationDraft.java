package io.camaudit.register;

import io.camaudit.shared.EmailAddresses;
import org.jspecify.annotations.Nullable;

/** The fields of an organisation a user supplies. */
public record OrganisationDraft(
        String name,
        Sector sector,
        Region region,
        @Nullable String officialCode,
        @Nullable String contactEmail) {

    public OrganisationDraft {
        name = Text.required(name, "name", 200);
        officialCode = Text.optional(officialCode, "official code", 40);
        contactEmail = Text.optional(contactEmail, "contact email", 320);
        if (contactEmail != null && !EmailAddresses.looksValid(contactEmail)) {
            throw new IllegalArgumentException(EmailAddresses.FORMAT);
        }
    }

    /** A body with no contact address for information requests (yet). */
    public OrganisationDraft(String name, Sector sector, Region region, @Nullable String officialCode) {
        this(name, sector, region, officialCode, null);
    }
}
