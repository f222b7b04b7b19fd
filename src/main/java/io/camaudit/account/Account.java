package io.camaudit.account;

import io.camaudit.shared.Role;
import io.camaudit.shared.Viewer;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A person's account. The password hash never leaves the account module. */
public record Account(
        long id,
        String username,
        String displayName,
        Role role,
        @Nullable Long organisationId,
        boolean enabled,
        Instant createdAt) {

    public Viewer viewer() {
        return new Viewer(username, role, organisationId);
    }
}
