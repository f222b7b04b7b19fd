package io.camaudit.capability;

import java.time.Instant;

/** A stored read-only account as anyone may see it: to what it applies and the user name; never the password. */
public record CredentialView(long id, String appliesTo, String username, String setBy, Instant setAt) {}
