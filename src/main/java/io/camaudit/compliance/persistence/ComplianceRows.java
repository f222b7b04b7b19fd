package io.camaudit.compliance.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Self-assessments of camera systems, their answers and their action plans. */
@Repository
public class ComplianceRows {

    public record AssessmentRow(
            long id,
            long organisationId,
            long systemId,
            String templateCode,
            int templateVersion,
            String status,
            @Nullable LocalDate reviewDate,
            String createdBy,
            Instant createdAt,
            @Nullable String completedBy,
            @Nullable Instant completedAt) {}

    public record ActionRow(
            long id,
            long assessmentId,
            String principle,
            String action,
            String owner,
            LocalDate due,
            @Nullable LocalDate doneOn) {}

    private final JdbcClient jdbc;

    ComplianceRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long organisationId, long systemId, String code, int version, String by, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into compliance_assessment (organisation_id, system_id, template_code, template_version,"
                        + " status, created_by, created_at) values (?, ?, ?, ?, 'DRAFT', ?, ?)")
                .params(organisationId, systemId, code, version, by, Timestamp.from(at))
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    public Optional<AssessmentRow> assessment(long id) {
        return jdbc.sql("select * from compliance_assessment where id = ?")
                .param(id)
                .query(ComplianceRows::assessment)
                .optional();
    }

    public List<AssessmentRow> assessments(long organisationId) {
        return jdbc.sql("select * from compliance_assessment where organisation_id = ? order by system_id, id desc")
                .param(organisationId)
                .query(ComplianceRows::assessment)
                .list();
    }

    /** Completes a draft: false when it was completed already. */
    public boolean complete(long id, LocalDate review, String by, Instant at) {
        return jdbc.sql("update compliance_assessment set status = 'COMPLETE', review_date = ?, completed_by = ?,"
                                + " completed_at = ? where id = ? and status = 'DRAFT'")
                        .params(java.sql.Date.valueOf(review), by, Timestamp.from(at), id)
                        .update()
                == 1;
    }

    /**
     * Completed assessments, each its system's latest (no review begun since), whose review falls
     * by {@code by} and whose reminder ({@code overdue} false) or overdue notice is not yet queued.
     */
    public List<AssessmentRow> reviewsToMail(LocalDate by, boolean overdue) {
        String flag = overdue ? "overdue_queued" : "reminder_queued";
        return jdbc.sql("select * from compliance_assessment a where a.status = 'COMPLETE' and a.review_date "
                        + (overdue ? "<" : "<=") + " ? and a." + flag + " = false and not exists (select 1 from"
                        + " compliance_assessment b where b.system_id = a.system_id and b.id > a.id) order by a.id")
                .param(java.sql.Date.valueOf(by))
                .query(ComplianceRows::assessment)
                .list();
    }

    public void reviewMailQueued(long id, boolean overdue) {
        jdbc.sql("update compliance_assessment set " + (overdue ? "overdue_queued" : "reminder_queued")
                        + " = true where id = ?")
                .param(id)
                .update();
    }

    public void saveAnswer(long assessmentId, String question, @Nullable String answer, String by, Instant at) {
        int updated = jdbc.sql("update compliance_answer set answer = ?, updated_by = ?, updated_at = ?"
                        + " where assessment_id = ? and question_id = ?")
                .params(answer, by, Timestamp.from(at), assessmentId, question)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into compliance_answer (assessment_id, question_id, answer, updated_by, updated_at)"
                            + " values (?, ?, ?, ?, ?)")
                    .params(assessmentId, question, answer, by, Timestamp.from(at))
                    .update();
        }
    }

    public java.util.Map<String, String> answers(long assessmentId) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        jdbc.sql("select question_id, answer from compliance_answer where assessment_id = ?")
                .param(assessmentId)
                .query((rs, n) -> {
                    if (rs.getString(2) != null) {
                        out.put(rs.getString(1), rs.getString(2));
                    }
                    return null;
                })
                .list();
        return out;
    }

    public long insertAction(
            long assessmentId, String principle, String action, String owner, LocalDate due, String by, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into compliance_action (assessment_id, principle, action, owner, due_date, created_by,"
                        + " created_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(assessmentId, principle, action, owner, java.sql.Date.valueOf(due), by, Timestamp.from(at))
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    public Optional<ActionRow> action(long id) {
        return jdbc.sql("select * from compliance_action where id = ?")
                .param(id)
                .query(ComplianceRows::action)
                .optional();
    }

    public List<ActionRow> actions(long assessmentId) {
        return jdbc.sql("select * from compliance_action where assessment_id = ? order by due_date, id")
                .param(assessmentId)
                .query(ComplianceRows::action)
                .list();
    }

    public void done(long actionId, LocalDate on) {
        jdbc.sql("update compliance_action set done_on = ? where id = ? and done_on is null")
                .params(java.sql.Date.valueOf(on), actionId)
                .update();
    }

    private static AssessmentRow assessment(ResultSet rs, int n) throws SQLException {
        java.sql.Date review = rs.getDate("review_date");
        Timestamp completed = rs.getTimestamp("completed_at");
        return new AssessmentRow(
                rs.getLong("id"),
                rs.getLong("organisation_id"),
                rs.getLong("system_id"),
                rs.getString("template_code"),
                rs.getInt("template_version"),
                rs.getString("status"),
                review == null ? null : review.toLocalDate(),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("completed_by"),
                completed == null ? null : completed.toInstant());
    }

    private static ActionRow action(ResultSet rs, int n) throws SQLException {
        java.sql.Date done = rs.getDate("done_on");
        return new ActionRow(
                rs.getLong("id"),
                rs.getLong("assessment_id"),
                rs.getString("principle"),
                rs.getString("action"),
                rs.getString("owner"),
                rs.getDate("due_date").toLocalDate(),
                done == null ? null : done.toLocalDate());
    }
}
