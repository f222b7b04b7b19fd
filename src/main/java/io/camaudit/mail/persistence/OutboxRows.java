package io.camaudit.mail.persistence;

import io.camaudit.mail.Letter;
import io.camaudit.mail.Posted;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox: one row per message, unique by its dedupe key, claimed before it is sent. */
@Repository
public class OutboxRows {

    /** A message waiting to be sent (or left by a stopped sender). */
    public record Queued(
            long id,
            String topic,
            long subjectId,
            String recipient,
            String subject,
            String body,
            @Nullable Instant claimedAt,
            @Nullable String failure) {}

    private final JdbcClient jdbc;

    OutboxRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues a message unless one with the same dedupe key was queued before: true when queued now. */
    public boolean queue(Letter l, Instant at) {
        if (jdbc.sql("select count(*) from mail_outbox where dedupe = ?")
                        .param(l.dedupe())
                        .query(Integer.class)
                        .single()
                > 0) {
            return false;
        }
        try {
            jdbc.sql("insert into mail_outbox (topic, subject_id, organisation_id, kind, dedupe, recipient, subject,"
                            + " body, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            l.topic(),
                            l.subjectId(),
                            l.organisationId(),
                            l.kind(),
                            l.dedupe(),
                            l.recipient(),
                            l.subject(),
                            l.body(),
                            Timestamp.from(at))
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false; // queued at the same moment by another instance: the unique key keeps one
        }
    }

    public List<Queued> unclaimed() {
        return jdbc.sql("select * from mail_outbox where claimed_at is null order by id")
                .query(OutboxRows::queued)
                .list();
    }

    /** Claims a message for sending: false when another sender (or an earlier run) claimed it. */
    public boolean claim(long id, Instant at) {
        return jdbc.sql("update mail_outbox set claimed_at = ? where id = ? and claimed_at is null")
                        .params(Timestamp.from(at), id)
                        .update()
                == 1;
    }

    public void sent(long id, Instant at, String keptBody) {
        jdbc.sql("update mail_outbox set sent_at = ?, body = ?, failure = null where id = ?")
                .params(Timestamp.from(at), keptBody, id)
                .update();
    }

    /** Records why a message was not sent; with {@code retry} it is released to be tried again. */
    public void failed(long id, String failure, boolean retry) {
        jdbc.sql("update mail_outbox set failure = ?, claimed_at = " + (retry ? "null" : "claimed_at")
                        + " where id = ?")
                .params(failure.length() > 1000 ? failure.substring(0, 1000) : failure, id)
                .update();
    }

    /** Messages claimed before {@code before} and never marked sent: a sender stopped part-way. */
    public List<Queued> interrupted(Instant before) {
        return jdbc.sql("select * from mail_outbox where claimed_at < ? and sent_at is null and failure is null")
                .param(Timestamp.from(before))
                .query(OutboxRows::queued)
                .list();
    }

    public List<Posted> about(String topic, long subjectId) {
        return jdbc.sql("select * from mail_outbox where topic = ? and subject_id = ? order by id")
                .params(topic, subjectId)
                .query(OutboxRows::posted)
                .list();
    }

    public List<Posted> ofOrganisation(long organisationId, int limit) {
        return jdbc.sql("select * from mail_outbox where organisation_id = ? order by id desc limit ?")
                .params(organisationId, limit)
                .query(OutboxRows::posted)
                .list();
    }

    private static Queued queued(ResultSet rs, int n) throws SQLException {
        return new Queued(
                rs.getLong("id"),
                rs.getString("topic"),
                rs.getLong("subject_id"),
                rs.getString("recipient"),
                rs.getString("subject"),
                rs.getString("body"),
                instant(rs, "claimed_at"),
                rs.getString("failure"));
    }

    private static Posted posted(ResultSet rs, int n) throws SQLException {
        return new Posted(
                rs.getLong("id"),
                rs.getString("kind"),
                rs.getString("recipient"),
                rs.getString("subject"),
                rs.getString("body"),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs, "sent_at"),
                rs.getString("failure"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
