package io.camaudit.audit;

import io.camaudit.shared.Viewer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only record of every change. There is deliberately no method to change or delete an
 * entry. Entries join the caller's transaction, so a change and its record commit or roll back
 * together.
 */
@Component
public class AuditLog {

    private static final int SUMMARY_LIMIT = 400;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(
            String actor,
            String action,
            String entityType,
            @Nullable Long entityId,
            @Nullable Long organisationId,
            String summary,
            @Nullable Object before,
            @Nullable Object after) {
        jdbc.sql("""
                        insert into audit_event (occurred_at, actor, action, entity_type, entity_id,
                            organisation_id, summary, before_state, after_state)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        java.sql.Timestamp.from(Instant.now(clock)),
                        actor,
                        action,
                        entityType,
                        entityId,
                        organisationId,
                        summary.length() > SUMMARY_LIMIT ? summary.substring(0, SUMMARY_LIMIT) : summary,
                        toJson(before),
                        toJson(after))
                .update();
    }

    /** Records an event outside any business transaction (a sign-in, a failed sign-in). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordAlone(String actor, String action, String entityType, @Nullable Long entityId, String summary) {
        record(actor, action, entityType, entityId, null, summary, null, null);
    }

    /** The newest events the viewer may see, newest first, before {@code beforeId} when given. */
    @Transactional(readOnly = true)
    public List<AuditEvent> recent(Viewer viewer, @Nullable Long organisationId, @Nullable Long beforeId, int limit) {
        StringBuilder sql = new StringBuilder(
                "select id, occurred_at, actor, action, entity_type, entity_id, organisation_id, summary,"
                        + " before_state, after_state from audit_event where 1 = 1");
        java.util.List<Object> params = new java.util.ArrayList<>();
        if (!viewer.seesEverything()) {
            sql.append(" and organisation_id = ?");
            params.add(viewer.organisationId());
        } else if (organisationId != null) {
            sql.append(" and organisation_id = ?");
            params.add(organisationId);
        }
        if (beforeId != null) {
            sql.append(" and id < ?");
            params.add(beforeId);
        }
        sql.append(" order by id desc limit ").append(Math.max(1, Math.min(limit, 500)));
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> new AuditEvent(
                        rs.getLong("id"),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("entity_type"),
                        (Long) rs.getObject("entity_id", Long.class),
                        (Long) rs.getObject("organisation_id", Long.class),
                        rs.getString("summary"),
                        rs.getString("before_state"),
                        rs.getString("after_state")))
                .list();
    }

    private @Nullable String toJson(@Nullable Object state) {
        return state == null ? null : json.writeValueAsString(state);
    }
}
