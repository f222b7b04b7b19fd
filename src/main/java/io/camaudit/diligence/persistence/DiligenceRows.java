package io.camaudit.diligence.persistence;

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

/**
 * The due-diligence tables; and the one column of the accounts table this feature owns
 * ({@code app_user.supplier_id}, which supplier a supplier account speaks for).
 */
@Repository
public class DiligenceRows {

    public record SupplierRow(
            long id,
            String name,
            @Nullable String companyId,
            @Nullable String contactName,
            String contactEmail,
            String createdBy,
            Instant createdAt) {}

    public record QuestionnaireRow(
            long id, String code, int version, String title, String body, String createdBy, Instant createdAt) {}

    public record RequestRow(
            long id,
            long supplierId,
            long questionnaireId,
            @Nullable Long organisationId,
            String requestedBy,
            LocalDate askedOn,
            LocalDate deadline,
            String access,
            boolean published,
            boolean emails,
            @Nullable LocalDate submittedOn,
            boolean complete,
            @Nullable LocalDate refusedOn,
            @Nullable String refusal,
            @Nullable LocalDate withdrawnOn,
            @Nullable String outcome,
            @Nullable String outcomeReasons,
            @Nullable String outcomeBy,
            @Nullable Instant outcomeAt,
            Instant createdAt) {}

    public record AnswerRow(String questionId, @Nullable String answer, Instant updatedAt) {}

    public record FileRow(
            long id,
            long requestId,
            String questionId,
            String fileName,
            String mediaType,
            int sizeBytes,
            String sha256,
            String uploadedBy,
            Instant uploadedAt) {}

    public record MessageRow(long id, String author, boolean fromSupplier, String body, Instant createdAt) {}

    public record ScoreRow(
            String questionId, int score, @Nullable String comment, String scoredBy, Instant scoredAt) {}

    public record LinkRow(
            String tokenHash,
            long requestId,
            Instant createdAt,
            Instant expiresAt,
            @Nullable Instant usedAt) {}

    private final JdbcClient jdbc;

    DiligenceRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // -- suppliers --------------------------------------------------------------------------------

    public long insertSupplier(
            String name,
            @Nullable String companyId,
            @Nullable String contactName,
            String email,
            String by,
            Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into supplier (name, company_id, contact_name, contact_email, created_by, created_at)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(name, companyId, contactName, email, by, Timestamp.from(at))
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    public List<SupplierRow> suppliers() {
        return jdbc.sql("select * from supplier order by lower(name), id")
                .query(DiligenceRows::supplier)
                .list();
    }

    public Optional<SupplierRow> supplier(long id) {
        return jdbc.sql("select * from supplier where id = ?")
                .param(id)
                .query(DiligenceRows::supplier)
                .optional();
    }

    /** Which supplier an account speaks for, if it is a supplier account. */
    public Optional<Long> supplierOfAccount(String username) {
        return jdbc.sql("select supplier_id from app_user where username = ? and supplier_id is not null")
                .param(username)
                .query((rs, n) -> rs.getLong(1))
                .optional();
    }

    public void linkAccount(long accountId, long supplierId) {
        jdbc.sql("update app_user set supplier_id = ? where id = ?")
                .params(supplierId, accountId)
                .update();
    }

    public List<String> accountsOf(long supplierId) {
        return jdbc.sql("select username from app_user where supplier_id = ? order by username")
                .param(supplierId)
                .query((rs, n) -> rs.getString(1))
                .list();
    }

    // -- questionnaires ---------------------------------------------------------------------------

    public long insertQuestionnaire(String code, int version, String title, String body, String by, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into questionnaire (code, version, title, body, created_by, created_at)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(code, version, title, body, by, Timestamp.from(at))
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    public List<QuestionnaireRow> questionnaires() {
        return jdbc.sql("select * from questionnaire order by code, version desc")
                .query(DiligenceRows::questionnaire)
                .list();
    }

    public Optional<QuestionnaireRow> questionnaire(long id) {
        return jdbc.sql("select * from questionnaire where id = ?")
                .param(id)
                .query(DiligenceRows::questionnaire)
                .optional();
    }

    public int latestVersion(String code) {
        return jdbc.sql("select coalesce(max(version), 0) from questionnaire where code = ?")
                .param(code)
                .query(Integer.class)
                .single();
    }

    // -- requests ---------------------------------------------------------------------------------

    public long insertRequest(
            long supplierId,
            long questionnaireId,
            @Nullable Long organisationId,
            String by,
            LocalDate askedOn,
            LocalDate deadline,
            String access,
            boolean published,
            boolean emails,
            Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into diligence_request (supplier_id, questionnaire_id, organisation_id, requested_by,"
                        + " asked_on, deadline, access, published, emails, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        supplierId,
                        questionnaireId,
                        organisationId,
                        by,
                        java.sql.Date.valueOf(askedOn),
                        java.sql.Date.valueOf(deadline),
                        access,
                        published,
                        emails,
                        Timestamp.from(at))
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    public Optional<RequestRow> request(long id) {
        return jdbc.sql("select * from diligence_request where id = ?")
                .param(id)
                .query(DiligenceRows::request)
                .optional();
    }

    /** Requests, newest first: of one body (or of the Commissioner's office, with -1), or every one with null. */
    public List<RequestRow> requests(@Nullable Long organisationId) {
        if (organisationId == null) {
            return jdbc.sql("select * from diligence_request order by id desc")
                    .query(DiligenceRows::request)
                    .list();
        }
        if (organisationId < 0) {
            return jdbc.sql("select * from diligence_request where organisation_id is null order by id desc")
                    .query(DiligenceRows::request)
                    .list();
        }
        return jdbc.sql("select * from diligence_request where organisation_id = ? order by id desc")
                .param(organisationId)
                .query(DiligenceRows::request)
                .list();
    }

    public List<RequestRow> requestsOfSupplier(long supplierId) {
        return jdbc.sql("select * from diligence_request where supplier_id = ? order by id desc")
                .param(supplierId)
                .query(DiligenceRows::request)
                .list();
    }

    /** Requests of suppliers that are the intel company given, oldest first. */
    public List<RequestRow> requestsOfCompany(String companyId) {
        return jdbc.sql("select r.* from diligence_request r join supplier s on s.id = r.supplier_id"
                        + " where s.company_id = ? order by r.asked_on, r.id")
                .param(companyId)
                .query(DiligenceRows::request)
                .list();
    }

    public List<RequestRow> published() {
        return jdbc.sql("select * from diligence_request where published = true order by asked_on, id")
                .query(DiligenceRows::request)
                .list();
    }

    /** Requests still waiting for the supplier (not submitted, refused or withdrawn) that are followed up by email. */
    public List<RequestRow> waiting() {
        return jdbc.sql("select * from diligence_request where submitted_on is null and refused_on is null"
                        + " and withdrawn_on is null and emails = true order by id")
                .query(DiligenceRows::request)
                .list();
    }

    /** Submits, if the request is still open: false when someone got there first. */
    public boolean submit(long id, LocalDate on, boolean complete) {
        return jdbc.sql("update diligence_request set submitted_on = ?, complete = ? where id = ?"
                                + " and submitted_on is null and refused_on is null and withdrawn_on is null")
                        .params(java.sql.Date.valueOf(on), complete, id)
                        .update()
                == 1;
    }

    public boolean refuse(long id, LocalDate on, String reason) {
        return jdbc.sql("update diligence_request set refused_on = ?, refusal = ? where id = ?"
                                + " and submitted_on is null and refused_on is null and withdrawn_on is null")
                        .params(java.sql.Date.valueOf(on), reason, id)
                        .update()
                == 1;
    }

    public boolean withdraw(long id, LocalDate on) {
        return jdbc.sql("update diligence_request set withdrawn_on = ? where id = ? and withdrawn_on is null")
                        .params(java.sql.Date.valueOf(on), id)
                        .update()
                == 1;
    }

    /** Opens a submitted request again (the requester asked for more): the supplier may change and submit again. */
    public void reopen(long id) {
        jdbc.sql("update diligence_request set submitted_on = null, complete = false where id = ?")
                .param(id)
                .update();
    }

    public void decide(long id, String outcome, String reasons, String by, Instant at) {
        jdbc.sql("update diligence_request set outcome = ?, outcome_reasons = ?, outcome_by = ?, outcome_at = ?"
                        + " where id = ?")
                .params(outcome, reasons, by, Timestamp.from(at), id)
                .update();
    }

    // -- answers, files, messages, scores --------------------------------------------------------

    public List<AnswerRow> answers(long requestId) {
        return jdbc.sql("select question_id, answer, updated_at from diligence_answer where request_id = ?")
                .param(requestId)
                .query((rs, n) -> new AnswerRow(
                        rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    public void saveAnswer(long requestId, String questionId, @Nullable String answer, Instant at) {
        int updated = jdbc.sql("update diligence_answer set answer = ?, updated_at = ? where request_id = ?"
                        + " and question_id = ?")
                .params(answer, Timestamp.from(at), requestId, questionId)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into diligence_answer (request_id, question_id, answer, updated_at) values (?, ?, ?, ?)")
                    .params(requestId, questionId, answer, Timestamp.from(at))
                    .update();
        }
    }

    public long insertFile(
            long requestId,
            String questionId,
            String name,
            String mediaType,
            byte[] content,
            String sha256,
            String by,
            Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into diligence_file (request_id, question_id, file_name, media_type, size_bytes, sha256,"
                        + " content, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(requestId, questionId, name, mediaType, content.length, sha256, content, by, Timestamp.from(at))
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    public List<FileRow> files(long requestId) {
        return jdbc.sql("select id, request_id, question_id, file_name, media_type, size_bytes, sha256, uploaded_by,"
                        + " uploaded_at from diligence_file where request_id = ? order by id")
                .param(requestId)
                .query(DiligenceRows::file)
                .list();
    }

    public Optional<FileRow> file(long id) {
        return jdbc.sql("select id, request_id, question_id, file_name, media_type, size_bytes, sha256, uploaded_by,"
                        + " uploaded_at from diligence_file where id = ?")
                .param(id)
                .query(DiligenceRows::file)
                .optional();
    }

    public byte[] content(long fileId) {
        return jdbc.sql("select content from diligence_file where id = ?")
                .param(fileId)
                .query((rs, n) -> rs.getBytes(1))
                .single();
    }

    public void deleteFile(long fileId) {
        jdbc.sql("delete from diligence_file where id = ?").param(fileId).update();
    }

    public void insertMessage(long requestId, String author, boolean fromSupplier, String body, Instant at) {
        jdbc.sql("insert into diligence_message (request_id, author, from_supplier, body, created_at)"
                        + " values (?, ?, ?, ?, ?)")
                .params(requestId, author, fromSupplier, body, Timestamp.from(at))
                .update();
    }

    public List<MessageRow> messages(long requestId) {
        return jdbc.sql("select id, author, from_supplier, body, created_at from diligence_message"
                        + " where request_id = ? order by id")
                .param(requestId)
                .query((rs, n) -> new MessageRow(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getBoolean(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    public void saveScore(
            long requestId, String questionId, int score, @Nullable String comment, String by, Instant at) {
        int updated = jdbc.sql("update diligence_score set score = ?, comment = ?, scored_by = ?, scored_at = ?"
                        + " where request_id = ? and question_id = ?")
                .params(score, comment, by, Timestamp.from(at), requestId, questionId)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into diligence_score (request_id, question_id, score, comment, scored_by, scored_at)"
                            + " values (?, ?, ?, ?, ?, ?)")
                    .params(requestId, questionId, score, comment, by, Timestamp.from(at))
                    .update();
        }
    }

    public List<ScoreRow> scores(long requestId) {
        return jdbc.sql("select question_id, score, comment, scored_by, scored_at from diligence_score"
                        + " where request_id = ?")
                .param(requestId)
                .query((rs, n) -> new ScoreRow(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    // -- one-time links ---------------------------------------------------------------------------

    public void insertLink(String tokenHash, long requestId, Instant at, Instant expires) {
        jdbc.sql("insert into diligence_link (token_hash, request_id, created_at, expires_at) values (?, ?, ?, ?)")
                .params(tokenHash, requestId, Timestamp.from(at), Timestamp.from(expires))
                .update();
    }

    public Optional<LinkRow> link(String tokenHash) {
        return jdbc.sql("select * from diligence_link where token_hash = ?")
                .param(tokenHash)
                .query((rs, n) -> new LinkRow(
                        rs.getString("token_hash"),
                        rs.getLong("request_id"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("expires_at").toInstant(),
                        instant(rs, "used_at")))
                .optional();
    }

    /** Marks a link used, if it was not: false when it had been (a replay), so only one use ever wins. */
    public boolean useLink(String tokenHash, Instant at) {
        return jdbc.sql("update diligence_link set used_at = ? where token_hash = ? and used_at is null")
                        .params(Timestamp.from(at), tokenHash)
                        .update()
                == 1;
    }

    /** Ends the request's links not yet used (a new one replaces them). */
    public void expireLinks(long requestId, Instant at) {
        jdbc.sql("update diligence_link set expires_at = ? where request_id = ? and used_at is null and expires_at > ?")
                .params(Timestamp.from(at), requestId, Timestamp.from(at))
                .update();
    }

    // -- mapping ----------------------------------------------------------------------------------

    private static SupplierRow supplier(ResultSet rs, int n) throws SQLException {
        return new SupplierRow(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("company_id"),
                rs.getString("contact_name"),
                rs.getString("contact_email"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static QuestionnaireRow questionnaire(ResultSet rs, int n) throws SQLException {
        return new QuestionnaireRow(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getInt("version"),
                rs.getString("title"),
                rs.getString("body"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static RequestRow request(ResultSet rs, int n) throws SQLException {
        long org = rs.getLong("organisation_id");
        Long organisation = rs.wasNull() ? null : org; // the Commissioner's office
        return new RequestRow(
                rs.getLong("id"),
                rs.getLong("supplier_id"),
                rs.getLong("questionnaire_id"),
                organisation,
                rs.getString("requested_by"),
                rs.getDate("asked_on").toLocalDate(),
                rs.getDate("deadline").toLocalDate(),
                rs.getString("access"),
                rs.getBoolean("published"),
                rs.getBoolean("emails"),
                date(rs, "submitted_on"),
                rs.getBoolean("complete"),
                date(rs, "refused_on"),
                rs.getString("refusal"),
                date(rs, "withdrawn_on"),
                rs.getString("outcome"),
                rs.getString("outcome_reasons"),
                rs.getString("outcome_by"),
                instant(rs, "outcome_at"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static FileRow file(ResultSet rs, int n) throws SQLException {
        return new FileRow(
                rs.getLong("id"),
                rs.getLong("request_id"),
                rs.getString("question_id"),
                rs.getString("file_name"),
                rs.getString("media_type"),
                rs.getInt("size_bytes"),
                rs.getString("sha256"),
                rs.getString("uploaded_by"),
                rs.getTimestamp("uploaded_at").toInstant());
    }

    private static @Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
        java.sql.Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
