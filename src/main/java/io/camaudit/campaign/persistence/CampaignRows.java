package io.camaudit.campaign.persistence;

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

/** Campaigns and the requests they made of bodies. */
@Repository
public class CampaignRows {

    public record CampaignRow(
            long id, String title, String question, LocalDate deadline, String createdBy, Instant createdAt) {}

    public record RequestRow(
            long id,
            long campaignId,
            long organisationId,
            String status,
            @Nullable Long batchId,
            @Nullable String reason,
            @Nullable String answeredBy,
            @Nullable LocalDate answeredOn,
            @Nullable String emailedTo) {}

    private final JdbcClient jdbc;

    CampaignRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String title, String question, LocalDate deadline, String by, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into campaign (title, question, deadline, created_by, created_at) values (?, ?, ?, ?, ?)")
                .params(title, question, java.sql.Date.valueOf(deadline), by, Timestamp.from(at))
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    /** Records that the campaign asks the body (emailed to the address given, or shown on its page only). */
    public long ask(long campaignId, long organisationId, @Nullable String emailedTo) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into campaign_request (campaign_id, organisation_id, status, emailed_to)"
                        + " values (?, ?, 'ASKED', ?)")
                .params(campaignId, organisationId, emailedTo)
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    /**
     * Requests still unanswered whose campaign's deadline falls by {@code by} (reminders) or has
     * passed it ({@code overdue}), and whose message is not yet queued.
     */
    public List<RequestRow> toMail(LocalDate by, boolean overdue) {
        String flag = overdue ? "overdue_queued" : "reminder_queued";
        return jdbc.sql("select r.* from campaign_request r join campaign c on c.id = r.campaign_id"
                        + " where r.status = 'ASKED' and r." + flag + " = false and c.deadline "
                        + (overdue ? "<" : "<=")
                        + " ? order by r.id")
                .param(java.sql.Date.valueOf(by))
                .query(CampaignRows::request)
                .list();
    }

    public void mailQueued(long requestId, boolean overdue) {
        jdbc.sql("update campaign_request set " + (overdue ? "overdue_queued" : "reminder_queued") + " = true"
                        + " where id = ?")
                .param(requestId)
                .update();
    }

    public List<CampaignRow> campaigns() {
        return jdbc.sql("select * from campaign order by id desc")
                .query(CampaignRows::campaign)
                .list();
    }

    public Optional<CampaignRow> campaign(long id) {
        return jdbc.sql("select * from campaign where id = ?")
                .param(id)
                .query(CampaignRows::campaign)
                .optional();
    }

    public List<RequestRow> requests(long campaignId) {
        return jdbc.sql("select * from campaign_request where campaign_id = ? order by id")
                .param(campaignId)
                .query(CampaignRows::request)
                .list();
    }

    public List<RequestRow> requestsOf(long organisationId) {
        return jdbc.sql("select * from campaign_request where organisation_id = ? order by id desc")
                .param(organisationId)
                .query(CampaignRows::request)
                .list();
    }

    public Optional<RequestRow> request(long id) {
        return jdbc.sql("select * from campaign_request where id = ?")
                .param(id)
                .query(CampaignRows::request)
                .optional();
    }

    /** Answers a request still asked: false when it was answered already. */
    public boolean answer(
            long id, String status, @Nullable Long batchId, @Nullable String reason, String by, LocalDate on) {
        return jdbc.sql(
                                "update campaign_request set status = ?, batch_id = ?, reason = ?, answered_by = ?, answered_on = ?"
                                        + " where id = ? and status = 'ASKED'")
                        .params(status, batchId, reason, by, java.sql.Date.valueOf(on), id)
                        .update()
                == 1;
    }

    private static CampaignRow campaign(ResultSet rs, int n) throws SQLException {
        return new CampaignRow(
                rs.getLong("id"),
                rs.getString("title"),
                rs.getString("question"),
                rs.getDate("deadline").toLocalDate(),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static RequestRow request(ResultSet rs, int n) throws SQLException {
        long batch = rs.getLong("batch_id");
        Long batchId = rs.wasNull() ? null : batch;
        java.sql.Date on = rs.getDate("answered_on");
        return new RequestRow(
                rs.getLong("id"),
                rs.getLong("campaign_id"),
                rs.getLong("organisation_id"),
                rs.getString("status"),
                batchId,
                rs.getString("reason"),
                rs.getString("answered_by"),
                on == null ? null : on.toLocalDate(),
                rs.getString("emailed_to"));
    }
}
