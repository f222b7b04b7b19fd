package io.camaudit.capability.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Device credentials (the password only as cipher text), capability audits, their results and
 * schedules; and a read model of a body's in-service devices with an IP address and what the body
 * declared of each (it never writes a device).
 */
@Repository
public class CapabilityRows {

    public record CredentialRow(
            long id,
            long organisationId,
            @Nullable Long siteId,
            @Nullable Long deviceId,
            String username,
            String cipher,
            String keyId,
            String setBy,
            Instant setAt) {}

    /** What the audit needs of a registered device: where it is and what was declared. */
    public record DeviceInput(
            long id,
            @Nullable Long siteId,
            String ipAddress,
            boolean faceRecognition,
            boolean audio,
            boolean anpr,
            boolean thermal,
            boolean ptz,
            boolean analytics) {}

    public record AuditRow(
            long id,
            long organisationId,
            String scope,
            String status,
            long addresses,
            long surveyed,
            long answered,
            String rulesVersion,
            String intelVersion,
            String startedBy,
            Instant startedAt,
            @Nullable Instant finishedAt,
            @Nullable String failure) {}

    public record ResultRow(
            long id,
            long auditId,
            long organisationId,
            @Nullable Long deviceId,
            String address,
            @Nullable String maker,
            @Nullable String model,
            @Nullable String firmware,
            String access,
            String standings,
            String vulnerabilities,
            int changes,
            int worseChanges,
            String details,
            Instant recordedAt) {}

    /** What a result says for counting, without its details: one letter a feature, and so on. */
    public record Standing(
            long organisationId, String standings, String vulnerabilities, int worseChanges, Instant recordedAt) {}

    public record ScheduleRow(long organisationId, int everyDays, String scope, Instant nextRunAt, String setBy) {}

    private final JdbcClient jdbc;

    CapabilityRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // -- credentials ------------------------------------------------------------------------------

    public long insertCredential(CredentialRow row) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(
                        "insert into device_credential (organisation_id, site_id, device_id, username, password_cipher, key_id,"
                                + " set_by, set_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        row.organisationId(),
                        row.siteId(),
                        row.deviceId(),
                        row.username(),
                        row.cipher(),
                        row.keyId(),
                        row.setBy(),
                        Timestamp.from(row.setAt()))
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    public List<CredentialRow> credentials(long organisationId) {
        return jdbc.sql("select * from device_credential where organisation_id = ? order by id")
                .param(organisationId)
                .query(CapabilityRows::credential)
                .list();
    }

    public Optional<CredentialRow> credential(long organisationId, long id) {
        return jdbc.sql("select * from device_credential where organisation_id = ? and id = ?")
                .params(organisationId, id)
                .query(CapabilityRows::credential)
                .optional();
    }

    public void deleteCredential(long organisationId, long id) {
        jdbc.sql("delete from device_credential where organisation_id = ? and id = ?")
                .params(organisationId, id)
                .update();
    }

    private static CredentialRow credential(ResultSet rs, int n) throws SQLException {
        return new CredentialRow(
                rs.getLong("id"),
                rs.getLong("organisation_id"),
                nullableLong(rs, "site_id"),
                nullableLong(rs, "device_id"),
                rs.getString("username"),
                rs.getString("password_cipher"),
                rs.getString("key_id"),
                rs.getString("set_by"),
                rs.getTimestamp("set_at").toInstant());
    }

    // -- the register, read ------------------------------------------------------------------------

    public List<DeviceInput> devices(long organisationId) {
        return jdbc.sql(
                        "select id, site_id, ip_address, cap_face_recognition, cap_audio, cap_anpr, cap_thermal, cap_ptz,"
                                + " cap_analytics from device where organisation_id = ? and ip_address is not null"
                                + " and status = 'IN_SERVICE' order by id")
                .param(organisationId)
                .query((rs, n) -> new DeviceInput(
                        rs.getLong("id"),
                        nullableLong(rs, "site_id"),
                        rs.getString("ip_address"),
                        rs.getBoolean("cap_face_recognition"),
                        rs.getBoolean("cap_audio"),
                        rs.getBoolean("cap_anpr"),
                        rs.getBoolean("cap_thermal"),
                        rs.getBoolean("cap_ptz"),
                        rs.getBoolean("cap_analytics")))
                .list();
    }

    public Optional<Long> deviceOrganisation(long deviceId) {
        return jdbc.sql("select organisation_id from device where id = ?")
                .param(deviceId)
                .query(Long.class)
                .optional();
    }

    public Optional<Long> siteOrganisation(long siteId) {
        return jdbc.sql("select organisation_id from site where id = ?")
                .param(siteId)
                .query(Long.class)
                .optional();
    }

    // -- audits -----------------------------------------------------------------------------------

    public long insertAudit(
            long organisationId,
            String scope,
            long addresses,
            String rulesVersion,
            String intelVersion,
            String by,
            Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(
                        "insert into capability_audit (organisation_id, scope, status, addresses, rules_version, intel_version,"
                                + " started_by, started_at) values (?, ?, 'RUNNING', ?, ?, ?, ?, ?)")
                .params(organisationId, scope, addresses, rulesVersion, intelVersion, by, Timestamp.from(at))
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    public void progress(long id, long surveyed, long answered) {
        jdbc.sql("update capability_audit set surveyed = ?, answered = ? where id = ? and status = 'RUNNING'")
                .params(surveyed, answered, id)
                .update();
    }

    public void finish(long id, String status, long surveyed, long answered, Instant at, @Nullable String failure) {
        jdbc.sql("update capability_audit set status = ?, surveyed = ?, answered = ?, finished_at = ?, failure = ?"
                        + " where id = ?")
                .params(status, surveyed, answered, Timestamp.from(at), failure, id)
                .update();
    }

    /** Audits that were running when the service stopped: they will not finish now. */
    public int markInterrupted(Instant at) {
        return jdbc.sql("update capability_audit set status = 'INTERRUPTED', finished_at = ? where status = 'RUNNING'")
                .param(Timestamp.from(at))
                .update();
    }

    public Optional<AuditRow> audit(long id) {
        return jdbc.sql("select * from capability_audit where id = ?")
                .param(id)
                .query(CapabilityRows::audit)
                .optional();
    }

    public List<AuditRow> audits(long organisationId, int limit) {
        return jdbc.sql("select * from capability_audit where organisation_id = ? order by id desc limit ?")
                .params(organisationId, limit)
                .query(CapabilityRows::audit)
                .list();
    }

    private static AuditRow audit(ResultSet rs, int n) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new AuditRow(
                rs.getLong("id"),
                rs.getLong("organisation_id"),
                rs.getString("scope"),
                rs.getString("status"),
                rs.getLong("addresses"),
                rs.getLong("surveyed"),
                rs.getLong("answered"),
                rs.getString("rules_version"),
                rs.getString("intel_version"),
                rs.getString("started_by"),
                rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(),
                rs.getString("failure"));
    }

    // -- results ----------------------------------------------------------------------------------

    public void insertResult(ResultRow row) {
        jdbc.sql("insert into capability_result (audit_id, organisation_id, device_id, address, maker, model, firmware,"
                        + " access, standings, vulnerabilities, changes, worse_changes, details, recorded_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        row.auditId(),
                        row.organisationId(),
                        row.deviceId(),
                        row.address(),
                        row.maker(),
                        row.model(),
                        row.firmware(),
                        row.access(),
                        row.standings(),
                        row.vulnerabilities(),
                        row.changes(),
                        row.worseChanges(),
                        row.details(),
                        Timestamp.from(row.recordedAt()))
                .update();
    }

    public List<ResultRow> results(long auditId) {
        return jdbc.sql("select * from capability_result where audit_id = ? order by id")
                .param(auditId)
                .query(CapabilityRows::result)
                .list();
    }

    public Optional<ResultRow> result(long auditId, long resultId) {
        return jdbc.sql("select * from capability_result where audit_id = ? and id = ?")
                .params(auditId, resultId)
                .query(CapabilityRows::result)
                .optional();
    }

    /** The last result before this audit for the same device, or (for an unregistered host) the same address. */
    public Optional<ResultRow> previous(long organisationId, @Nullable Long deviceId, String address, long auditId) {
        if (deviceId != null) {
            return jdbc.sql(
                            "select * from capability_result where device_id = ? and audit_id < ? order by id desc limit 1")
                    .params(deviceId, auditId)
                    .query(CapabilityRows::result)
                    .optional();
        }
        return jdbc.sql("select * from capability_result where organisation_id = ? and address = ? and audit_id < ?"
                        + " order by id desc limit 1")
                .params(organisationId, address, auditId)
                .query(CapabilityRows::result)
                .optional();
    }

    public Optional<ResultRow> latestForDevice(long deviceId) {
        return jdbc.sql("select * from capability_result where device_id = ? order by id desc limit 1")
                .param(deviceId)
                .query(CapabilityRows::result)
                .optional();
    }

    /** The latest result for each address of the body (its present picture). */
    public List<ResultRow> latest(long organisationId) {
        return jdbc.sql("select * from capability_result r where r.organisation_id = ? and r.id = (select max(l.id)"
                        + " from capability_result l where l.organisation_id = r.organisation_id and l.address = r.address)"
                        + " order by r.address")
                .param(organisationId)
                .query(CapabilityRows::result)
                .list();
    }

    private static final String LATEST_STANDINGS = "select r.organisation_id, r.standings, r.vulnerabilities,"
            + " r.worse_changes, r.recorded_at from capability_result r where r.organisation_id = ? and r.id ="
            + " (select max(l.id) from"
            + " capability_result l where l.organisation_id = r.organisation_id and l.address = r.address)";

    /** The standing of the latest result for each address of the body, for its summary. */
    public List<Standing> latestStandings(long organisationId) {
        return jdbc.sql(LATEST_STANDINGS)
                .param(organisationId)
                .query(CapabilityRows::standing)
                .list();
    }

    /** Writes the body's summary in place of the one before; a body with no result has none. */
    public void saveSummary(long organisationId, io.camaudit.capability.CapabilitySummary s) {
        jdbc.sql("delete from capability_summary where organisation_id = ?")
                .param(organisationId)
                .update();
        if (s.devices() == 0) {
            return;
        }
        jdbc.sql("insert into capability_summary (organisation_id, devices, face_present, face_on, face_undeclared,"
                        + " undeclared, cloud_on, services_on, vulnerable, worse, last_audit)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        organisationId,
                        s.devices(),
                        s.facePresent(),
                        s.faceOn(),
                        s.faceUndeclared(),
                        s.undeclared(),
                        s.cloudOn(),
                        s.servicesOn(),
                        s.vulnerable(),
                        s.changedForTheWorse(),
                        s.lastAudit() == null ? null : Timestamp.from(s.lastAudit()))
                .update();
    }

    /** Every audited body's summary. */
    public List<io.camaudit.capability.CapabilitySummary> summaries() {
        return jdbc.sql("select * from capability_summary")
                .query((rs, n) -> new io.camaudit.capability.CapabilitySummary(
                        rs.getLong("devices"),
                        rs.getLong("face_present"),
                        rs.getLong("face_on"),
                        rs.getLong("face_undeclared"),
                        rs.getLong("undeclared"),
                        rs.getLong("cloud_on"),
                        rs.getLong("services_on"),
                        rs.getLong("vulnerable"),
                        rs.getLong("worse"),
                        instant(rs, "last_audit")))
                .list();
    }

    /** Bodies with results but no summary yet (audited before summaries were kept). */
    public List<Long> unsummarised() {
        return jdbc.sql("select distinct r.organisation_id from capability_result r where not exists (select 1 from"
                        + " capability_summary s where s.organisation_id = r.organisation_id)")
                .query((rs, n) -> rs.getLong(1))
                .list();
    }

    /** The latest result of each of the body's devices, by device (one read for a body's risk scores). */
    public List<ResultRow> latestByDevice(long organisationId) {
        return jdbc.sql("select * from capability_result r where r.organisation_id = ? and r.device_id is not null"
                        + " and r.id = (select max(l.id) from capability_result l where l.device_id = r.device_id)")
                .param(organisationId)
                .query(CapabilityRows::result)
                .list();
    }

    private static Standing standing(ResultSet rs, int n) throws SQLException {
        return new Standing(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getInt(4),
                rs.getTimestamp(5).toInstant());
    }

    private static ResultRow result(ResultSet rs, int n) throws SQLException {
        return new ResultRow(
                rs.getLong("id"),
                rs.getLong("audit_id"),
                rs.getLong("organisation_id"),
                nullableLong(rs, "device_id"),
                rs.getString("address"),
                rs.getString("maker"),
                rs.getString("model"),
                rs.getString("firmware"),
                rs.getString("access"),
                rs.getString("standings"),
                rs.getString("vulnerabilities"),
                rs.getInt("changes"),
                rs.getInt("worse_changes"),
                rs.getString("details"),
                rs.getTimestamp("recorded_at").toInstant());
    }

    // -- schedules --------------------------------------------------------------------------------

    public Optional<ScheduleRow> schedule(long organisationId) {
        return jdbc.sql("select * from capability_schedule where organisation_id = ?")
                .param(organisationId)
                .query(CapabilityRows::schedule)
                .optional();
    }

    public void saveSchedule(ScheduleRow row, Instant at) {
        int updated = jdbc.sql("update capability_schedule set every_days = ?, scope = ?, next_run_at = ?, set_by = ?,"
                        + " set_at = ? where organisation_id = ?")
                .params(
                        row.everyDays(),
                        row.scope(),
                        Timestamp.from(row.nextRunAt()),
                        row.setBy(),
                        Timestamp.from(at),
                        row.organisationId())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into capability_schedule (organisation_id, every_days, scope, next_run_at, set_by, set_at)"
                            + " values (?, ?, ?, ?, ?, ?)")
                    .params(
                            row.organisationId(),
                            row.everyDays(),
                            row.scope(),
                            Timestamp.from(row.nextRunAt()),
                            row.setBy(),
                            Timestamp.from(at))
                    .update();
        }
    }

    public void deleteSchedule(long organisationId) {
        jdbc.sql("delete from capability_schedule where organisation_id = ?")
                .param(organisationId)
                .update();
    }

    public List<ScheduleRow> due(Instant now) {
        return jdbc.sql("select * from capability_schedule where next_run_at <= ? order by next_run_at")
                .param(Timestamp.from(now))
                .query(CapabilityRows::schedule)
                .list();
    }

    /**
     * Moves a schedule's next run on, only if it is still the one read: of two instances (or two
     * ticks) that read the same due schedule, one wins and runs it.
     */
    public boolean claim(long organisationId, Instant expected, Instant next) {
        return jdbc.sql("update capability_schedule set next_run_at = ? where organisation_id = ? and next_run_at = ?")
                        .params(Timestamp.from(next), organisationId, Timestamp.from(expected))
                        .update()
                == 1;
    }

    private static ScheduleRow schedule(ResultSet rs, int n) throws SQLException {
        return new ScheduleRow(
                rs.getLong("organisation_id"),
                rs.getInt("every_days"),
                rs.getString("scope"),
                rs.getTimestamp("next_run_at").toInstant(),
                rs.getString("set_by"));
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** The bodies any capability audit has results for. */
    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
