package io.camaudit.shared;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who is asking, and so what they may see. Every read and write in the register goes through one
 * of these, so that tenant isolation is the default rather than something each query remembers.
 */
public record Viewer(String username, Role role, @Nullable Long organisationId) {

    /**
     * The service itself, for its own background work (mail, counts, notes) that reads a body's
     * details on no person's behalf; never handed to a request.
     */
    public static final Viewer SYSTEM = new Viewer("system", Role.ADMINISTRATOR, null);

    public Viewer {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        if (role == Role.OFFICER && organisationId == null) {
            throw new IllegalArgumentException("an officer belongs to an organisation");
        }
        if (role != Role.OFFICER && organisationId != null) {
            throw new IllegalArgumentException("only officers belong to an organisation");
        }
    }

    /** Reads every organisation's data: administrators and the Commissioner's office (a supplier sees none). */
    public boolean seesEverything() {
        return role == Role.ADMINISTRATOR || role == Role.AUDITOR;
    }

    public boolean canRead(long organisationId) {
        return seesEverything() || Objects.equals(this.organisationId, organisationId);
    }

    public boolean canWrite(long organisationId) {
        return role == Role.ADMINISTRATOR
                || (role == Role.OFFICER && Objects.equals(this.organisationId, organisationId));
    }

    public boolean isAdministrator() {
        return role == Role.ADMINISTRATOR;
    }

    /** Fails with {@link NotFoundException} where the viewer may not even know the thing exists. */
    public void requireRead(long organisationId, String what) {
        if (!canRead(organisationId)) {
            throw new NotFoundException(what);
        }
    }

    /** Fails with {@link NotFoundException} if unreadable, {@link ForbiddenException} if read-only. */
    public void requireWrite(long organisationId, String what) {
        requireRead(organisationId, what);
        if (!canWrite(organisationId)) {
            throw new ForbiddenException(username + " may not change " + what);
        }
    }
}
