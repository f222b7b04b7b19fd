package io.camaudit.returns.persistence;

import io.camaudit.register.EstateChange;
import io.camaudit.returns.ImportBatch;
import io.camaudit.returns.ImportStatus;
import io.camaudit.returns.engine.ReturnReport;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The import_batch and import_change tables. */
@Repository
public class ImportRows {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;

    ImportRows(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    public long insert(
            long organisationId,
            String fileName,
            String sha256,
            String format,
            ImportStatus status,
            @Nullable ReturnReport report,
            @Nullable String rejection,
            String by,
            Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into import_batch (organisation_id, file_name, file_sha256, file_format, status, row_count,
                    device_count, error_count, warning_count, report, uploaded_by, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        organisationId,
                        fileName,
                        sha256,
                        format,
                        status.name(),
                        report == null ? 0 : report.rows(),
                        report == null ? 0 : report.devices(),
                        report == null ? 1 : report.errors(),
                        report == null ? 0 : report.warnings(),
                        report == null ? rejectionJson(rejection) : json.writeValueAsString(report),
                        by,
                        Timestamp.from(at))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    public void markCommitted(long id, long created, long updated, long unchanged, Instant at) {
        jdbc.sql("update import_batch set status = ?, created_count = ?, updated_count = ?, unchanged_count = ?,"
                        + " committed_at = ? where id = ?")
                .params(ImportStatus.COMMITTED.name(), created, updated, unchanged, Timestamp.from(at), id)
                .update();
    }

    public void markUndone(long id, Instant at) {
        jdbc.sql("update import_batch set status = ?, undone_at = ? where id = ?")
                .params(ImportStatus.UNDONE.name(), Timestamp.from(at), id)
                .update();
    }

    public Optional<ImportBatch> find(long id) {
        return jdbc.sql("select * from import_batch where id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    /** Finds the batch with a lock, so that two commits of one preview cannot both run. */
    public Optional<ImportBatch> findForUpdate(long id) {
        return jdbc.sql("select * from import_batch where id = ? for update")
                .param(id)
                .query(this::map)
                .optional();
    }

    public List<ImportBatch> recent(@Nullable Long organisationId, int limit) {
        String where = organisationId == null ? "" : " where organisation_id = " + organisationId.longValue();
        return jdbc.sql("select * from import_batch" + where + " order by id desc limit " + limit)
                .query(this::map)
                .list();
    }

    public Optional<ImportBatch> lastCommittedWithSameFile(long organisationId, String sha256) {
        return jdbc.sql("select * from import_batch where organisation_id = ? and file_sha256 = ? and status = ?"
                        + " order by id desc limit 1")
                .params(organisationId, sha256, ImportStatus.COMMITTED.name())
                .query(this::map)
                .optional();
    }

    public void recordChanges(long batchId, List<EstateChange> changes) {
        template.batchUpdate(
                "insert into import_change (batch_id, entity_type, entity_id, change_kind, before_state,"
                        + " after_version, last_entity_id) values (?, ?, ?, ?, ?, ?, ?)",
                changes,
                changes.size(),
                (ps, change) -> {
                    ps.setLong(1, batchId);
                    ps.setString(2, change.entityType());
                    ps.setLong(3, change.entityId());
                    ps.setString(4, change.kind());
                    ps.setString(5, change.beforeState());
                    ps.setObject(6, change.afterVersion(), java.sql.Types.INTEGER);
                    ps.setLong(7, change.lastEntityId());
                });
    }

    /** The changes of a batch, newest first, which is the order undo reverses them in. */
    public List<EstateChange> changes(long batchId) {
        return jdbc.sql("select * from import_change where batch_id = ? order by id desc")
                .param(batchId)
                .query((rs, n) -> new EstateChange(
                        rs.getString("entity_type"),
                        rs.getLong("entity_id"),
                        rs.getString("change_kind"),
                        rs.getString("before_state"),
                        (Integer) rs.getObject("after_version", Integer.class),
                        rs.getLong("last_entity_id")))
                .list();
    }

    private String rejectionJson(@Nullable String rejection) {
        return json.writeValueAsString(java.util.Map.of("rejection", rejection == null ? "" : rejection));
    }

    private ImportBatch map(ResultSet rs, int row) throws SQLException {
        ImportStatus status = ImportStatus.valueOf(rs.getString("status"));
        String reportJson = rs.getString("report");
        ReturnReport report = null;
        String rejection = null;
        if (status == ImportStatus.REJECTED) {
            rejection = reportJson == null
                    ? null
                    : json.readTree(reportJson).path("rejection").asString();
        } else if (reportJson != null) {
            report = json.readValue(reportJson, ReturnReport.class);
        }
        Timestamp committed = rs.getTimestamp("committed_at");
        Timestamp undone = rs.getTimestamp("undone_at");
        return new ImportBatch(
                rs.getLong("id"),
                rs.getLong("organisation_id"),
                rs.getString("file_name"),
                rs.getString("file_sha256"),
                rs.getString("file_format"),
                status,
                rs.getLong("row_count"),
                rs.getLong("device_count"),
                rs.getLong("error_count"),
                rs.getLong("warning_count"),
                rs.getLong("created_count"),
                rs.getLong("updated_count"),
                rs.getLong("unchanged_count"),
                report,
                rejection,
                rs.getString("uploaded_by"),
                rs.getTimestamp("uploaded_at").toInstant(),
                committed == null ? null : committed.toInstant(),
                undone == null ? null : undone.toInstant());
    }
}
