package io.camaudit.account;

import io.camaudit.account.persistence.AccountRows;
import io.camaudit.audit.AuditLog;
import io.camaudit.register.Register;
import io.camaudit.shared.ConflictException;
import io.camaudit.shared.ForbiddenException;
import io.camaudit.shared.NotFoundException;
import io.camaudit.shared.Role;
import io.camaudit.shared.Viewer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts and API tokens: who may sign in, with which role, for which organisation. */
@Service
@Transactional
public class Accounts {

    /** API tokens start with this, so that secret scanners and people can recognise one. */
    public static final String TOKEN_PREFIX = "cam_";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MIN_PASSWORD_LENGTH = 12;

    /** Failed sign-ins in a row that lock an account, and for how long. */
    public static final int SIGN_IN_ATTEMPTS = 5;

    public static final java.time.Duration LOCKOUT = java.time.Duration.ofMinutes(15);

    private final AccountRows rows;
    private final PasswordEncoder encoder;
    private final Register register;
    private final AuditLog audit;
    private final Clock clock;

    Accounts(AccountRows rows, PasswordEncoder encoder, Register register, AuditLog audit, Clock clock) {
        this.rows = rows;
        this.encoder = encoder;
        this.register = register;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public boolean any() {
        return rows.count() > 0;
    }

    @Transactional(readOnly = true)
    public List<Account> all(Viewer viewer) {
        requireAdministrator(viewer);
        return rows.all();
    }

    @Transactional(readOnly = true)
    public Account account(Viewer viewer, long id) {
        requireAdministrator(viewer);
        return rows.find(id).orElseThrow(() -> new NotFoundException("Account " + id));
    }

    @Transactional(readOnly = true)
    public Optional<Credentials> credentials(String username) {
        return rows.credentials(username);
    }

    /**
     * Creates an account with a random password, returned once. {@code actor} is the administrator,
     * or "system" for the first administrator made at start-up.
     */
    public NewSecret create(
            Viewer actor, String username, String displayName, Role role, @Nullable Long organisationId) {
        requireAdministrator(actor);
        return createUnchecked(actor.username(), username, displayName, role, organisationId);
    }

    /** Makes the first administrator of an empty service; does nothing if any account exists. */
    public Optional<NewSecret> bootstrapAdministrator(String username) {
        if (rows.count() > 0) {
            return Optional.empty();
        }
        return Optional.of(createUnchecked("system", username, "Administrator", Role.ADMINISTRATOR, null));
    }

    private NewSecret createUnchecked(
            String actor, String username, String displayName, Role role, @Nullable Long organisationId) {
        String name = username == null ? "" : username.strip();
        if (!name.matches("[A-Za-z0-9._@-]{3,100}")) {
            throw new IllegalArgumentException(
                    "a username is 3 to 100 letters, digits, dots, dashes, underscores or @");
        }
        if (rows.credentials(name).isPresent()) {
            throw new ConflictException("The username \"" + name + "\" is taken");
        }
        if (role == Role.OFFICER) {
            if (organisationId == null) {
                throw new IllegalArgumentException("an officer must belong to an organisation");
            }
            register.organisation(Viewer.SYSTEM, organisationId);
        } else if (organisationId != null) {
            throw new IllegalArgumentException("only officers belong to an organisation");
        }
        String password = randomSecret(18);
        long id = rows.insert(
                name,
                displayName == null || displayName.isBlank() ? name : displayName.strip(),
                encoder.encode(password),
                role,
                organisationId,
                now());
        audit.record(
                actor,
                "CREATE",
                "account",
                id,
                organisationId,
                "Added " + role.label().toLowerCase() + " account " + name,
                null,
                Map.of("username", name, "role", role.name()));
        return new NewSecret(id, password);
    }

    /** Sets a new random password for an account, returned once. */
    public NewSecret resetPassword(Viewer actor, long id) {
        requireAdministrator(actor);
        Account account = rows.find(id).orElseThrow(() -> new NotFoundException("Account " + id));
        String password = randomSecret(18);
        rows.setPassword(id, encoder.encode(password), true);
        audit.record(
                actor.username(),
                "RESET_PASSWORD",
                "account",
                id,
                account.organisationId(),
                "Reset the password of " + account.username(),
                null,
                null);
        return new NewSecret(id, password);
    }

    /** Whether the account is locked now after repeated failed sign-ins. */
    @Transactional(readOnly = true)
    public boolean locked(Credentials credentials) {
        return credentials.lockedAt(now());
    }

    /**
     * Counts a failed sign-in; the {@value #SIGN_IN_ATTEMPTS}th in a row locks the account for
     * {@link #LOCKOUT}, which is audit-logged. An unknown username counts nothing (and the sign-in
     * page says the same for both, so it tells nobody which usernames exist).
     */
    public void signInFailed(String username) {
        rows.credentials(username).ifPresent(credentials -> {
            if (credentials.lockedAt(now())) {
                return;
            }
            Account account = credentials.account();
            if (rows.countFailedSignIn(account.id()) >= SIGN_IN_ATTEMPTS) {
                rows.lockUntil(account.id(), now().plus(LOCKOUT));
                audit.record(
                        "system",
                        "LOCK",
                        "account",
                        account.id(),
                        account.organisationId(),
                        "Locked " + account.username() + " for " + LOCKOUT.toMinutes() + " minutes after "
                                + SIGN_IN_ATTEMPTS + " failed sign-ins in a row",
                        null,
                        null);
            }
        });
    }

    /** A successful sign-in ends a run of failures. */
    public void signedIn(String username) {
        rows.credentials(username)
                .ifPresent(c -> rows.clearFailedSignIns(c.account().id()));
    }

    /** Changes one's own password after checking the current one. */
    public void changePassword(Viewer viewer, String current, String replacement) {
        Credentials credentials = rows.credentials(viewer.username())
                .orElseThrow(() -> new NotFoundException("Account " + viewer.username()));
        if (!encoder.matches(current, credentials.passwordHash())) {
            throw new IllegalArgumentException("the current password is wrong");
        }
        if (replacement == null || replacement.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException(
                    "a new password must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (encoder.matches(replacement, credentials.passwordHash())) {
            throw new IllegalArgumentException("the new password must differ from the current one");
        }
        rows.setPassword(credentials.account().id(), encoder.encode(replacement), false);
        audit.record(
                viewer.username(),
                "CHANGE_PASSWORD",
                "account",
                credentials.account().id(),
                credentials.account().organisationId(),
                "Changed own password",
                null,
                null);
    }

    public void setEnabled(Viewer actor, long id, boolean enabled) {
        requireAdministrator(actor);
        Account account = rows.find(id).orElseThrow(() -> new NotFoundException("Account " + id));
        if (account.username().equalsIgnoreCase(actor.username()) && !enabled) {
            throw new ConflictException("You cannot disable your own account");
        }
        rows.setEnabled(id, enabled);
        audit.record(
                actor.username(),
                enabled ? "ENABLE" : "DISABLE",
                "account",
                id,
                account.organisationId(),
                (enabled ? "Enabled " : "Disabled ") + account.username(),
                Map.of("enabled", account.enabled()),
                Map.of("enabled", enabled));
    }

    /** Makes an API token for the viewer's own account; the token is returned once. */
    public NewSecret createToken(Viewer viewer, String name, @Nullable Instant expiresAt) {
        Account account = self(viewer);
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > 100) {
            throw new IllegalArgumentException("a token needs a name of 1 to 100 characters");
        }
        String token = TOKEN_PREFIX + randomSecret(32);
        long id = rows.insertToken(account.id(), label, sha256(token), now(), expiresAt);
        audit.record(
                viewer.username(),
                "CREATE",
                "api_token",
                id,
                account.organisationId(),
                "Made API token \"" + label + "\"",
                null,
                Map.of("name", label));
        return new NewSecret(id, token);
    }

    @Transactional(readOnly = true)
    public List<ApiToken> tokens(Viewer viewer) {
        return rows.tokensOf(self(viewer).id());
    }

    public void revokeToken(Viewer viewer, long tokenId) {
        Account account = self(viewer);
        if (rows.revokeToken(tokenId, account.id(), now()) == 0) {
            throw new NotFoundException("Token " + tokenId);
        }
        audit.record(
                viewer.username(),
                "REVOKE",
                "api_token",
                tokenId,
                account.organisationId(),
                "Revoked API token",
                null,
                null);
    }

    /** The enabled account a presented token belongs to, if the token is live. */
    public Optional<Account> authenticateToken(String presented) {
        if (presented == null || !presented.startsWith(TOKEN_PREFIX) || presented.length() > 200) {
            return Optional.empty();
        }
        Instant now = now();
        return rows.tokenByHash(sha256(presented))
                .filter(token -> token.activeAt(now))
                .flatMap(token -> {
                    rows.touchToken(token.id(), now);
                    return rows.find(token.userId());
                })
                .filter(Account::enabled);
    }

    private Account self(Viewer viewer) {
        return rows.credentials(viewer.username())
                .map(Credentials::account)
                .orElseThrow(() -> new NotFoundException("Account " + viewer.username()));
    }

    private static void requireAdministrator(Viewer viewer) {
        if (!viewer.isAdministrator()) {
            throw new ForbiddenException(viewer.username() + " may not manage accounts");
        }
    }

    static String randomSecret(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
