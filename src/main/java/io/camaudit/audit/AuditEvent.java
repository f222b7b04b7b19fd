package io.camaudit.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One change, as the audit log keeps it: who, when, what, and the state before and after. */
public record AuditEvent(
        long id,
        Instant occurredAt,
        String actor,
        String action,
        String entityType,
        @Nullable Long entityId,
        @Nullable Long organisationId,
        String summary,
        @Nullable String beforeState,
        @Nullable String afterState) {}
