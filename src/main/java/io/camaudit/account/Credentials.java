package io.camaudit.account;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An account with what sign-in needs: the password hash, whether the password must be changed
 * (someone else chose it), and until when the account is locked after repeated failed sign-ins.
 */
public record Credentials(
        Account account,
        String passwordHash,
        boolean mustChangePassword,
        @Nullable Instant lockedUntil) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    @Override
    public String toString() {
        return "Credentials[" + account.username() + "]";
    }
}
