package io.camaudit.discovery.persistence;

import io.camaudit.discovery.engine.Reconciler;
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

/** Survey permits, surveys and their hosts; and a read model of a body's devices for reconciling. */
@Repository
public class SurveyRows {

    public record Permit(long organisationId, String ranges, String setBy, Instant setAt) {}

    public record SurveyRow(
            long id,
            long organisationId,
            String method,
            String scope,
            String exclusions,
            String settings,
            String status,
            long addresses,
            long surveyed,
            long answered,
            long identified,
            long packets,
            String fingerprintsVersion,
            String intelVersion,
            String startedBy,
            Instant startedAt,
            @Nullable Instant finishedAt,
            @Nullable String failure) {}

    public record HostRow(
            long id,
            long surveyId,
            String address,
            String openPorts,
            @Nullable String maker,
            @Nullable String soldAs,
            String path,
            @Nullable String model,
            @Nullable String firmware,
            @Nullable String serial,
            @Nullable String mac,
            @Nullable String kind,
            boolean video,
            double confidence,
            String details,
            String decision,
            @Nullable Long deviceId,
            @Nullable String decidedBy,
            @Nullable Instant decidedAt) {}

    private final JdbcClient jdbc;

    SurveyRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Permit> permit(long organisationId) {
        return jdbc.sql("select * from survey_permit where organisation_id = ?")
                .param(organisationId)
                .query((rs, n) -> new Permit(
                        rs.getLong("organisation_id"),
                        rs.getString("ranges"),
                        rs.getString("set_by"),
                        rs.getTimestamp("set_at").toInstant()))
                .optional();
    }

    public void savePermit(long organisationId, String ranges, String by, Instant at) {
        int updated = jdbc.sql("update survey_permit set ranges = ?, set_by = ?, set_at = ? where organisation_id = ?")
                .params(ranges, by, Timestamp.from(at), organisationId)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into survey_permit (organisation_id, ranges, set_by, set_at) values (?, ?, ?, ?)")
                    .params(organisationId, ranges, by, Timestamp.from(at))
                    .update();
        }
    }

    public long insertSurvey(
            long organisationId,
            String method,
            String scope,
            String exclusions,
            String settings,
            long addresses,
            String fingerprintsVersion,
            String intelVersion,
            String by,
            Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into survey (organisation_id, method, scope, exclusions, settings, status, addresses,"
                        + " fingerprints_version, intel_version, started_by, started_at)"
                        + " values (?, ?, ?, ?, ?, 'RUNNING', ?, ?, ?, ?, ?)")
                .params(
                        organisationId,
                        method,
                        scope,
                        exclusions,
                        settings,
                        addresses,
                        fingerprintsVersion,
                        intelVersion,
                        by,
                        Timestamp.from(at))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    public void finish(
            long id,
            String status,
            long surveyed,
            long answered,
            long identified,
            long packets,
            Instant at,
            @Nullable String failure) {
        jdbc.sql(
                        "update survey set status = ?, surveyed = ?, answered = ?, identified = ?, packets = ?, finished_at = ?,"
                                + " failure = ? where id = ?")
                .params(status, surveyed, answered, identified, packets, Timestamp.from(at), failure, id)
                .update();
    }

    /** Surveys left running when the service stopped will never finish: say so. */
    public int markInterrupted(Instant at) {
        return jdbc.sql("update survey set status = 'INTERRUPTED', finished_at = ? where status = 'RUNNING'")
                .param(Timestamp.from(at))
                .update();
    }

    public Optional<SurveyRow> survey(long id) {
        return jdbc.sql("select * from survey where id = ?")
                .param(id)
                .query(SurveyRows::survey)
                .optional();
    }

    public List<SurveyRow> surveysOf(long organisationId, int limit) {
        return jdbc.sql("select * from survey where organisation_id = ? order by id desc limit " + limit)
                .param(organisationId)
                .query(SurveyRows::survey)
                .list();
    }

    public void insertHost(HostRow h) {
        jdbc.sql("insert into survey_host (survey_id, address, open_ports, maker, sold_as, path, model, firmware,"
                        + " serial_number, mac_address, kind, video, confidence, details, decision)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING')")
                .params(
                        h.surveyId(),
                        h.address(),
                        h.openPorts(),
                        h.maker(),
                        h.soldAs(),
                        h.path(),
                        h.model(),
                        h.firmware(),
                        h.serial(),
                        h.mac(),
                        h.kind(),
                        h.video(),
                        h.confidence(),
                        h.details())
                .update();
    }

    public List<HostRow> hosts(long surveyId) {
        return jdbc.sql("select * from survey_host where survey_id = ? order by id")
                .param(surveyId)
                .query(SurveyRows::host)
                .list();
    }

    public Optional<HostRow> host(long surveyId, long hostId) {
        return jdbc.sql("select * from survey_host where survey_id = ? and id = ?")
                .params(surveyId, hostId)
                .query(SurveyRows::host)
                .optional();
    }

    public void decide(long hostId, String decision, @Nullable Long deviceId, String by, Instant at) {
        jdbc.sql("update survey_host set decision = ?, device_id = ?, decided_by = ?, decided_at = ? where id = ?")
                .params(decision, deviceId, by, Timestamp.from(at), hostId)
                .update();
    }

    /** The body's devices as reconciling needs them (a read model of the register's table). */
    public List<Reconciler.Declared> declaredDevices(long organisationId) {
        return jdbc.sql("select id, manufacturer, model, firmware, serial_number, mac_address, ip_address, status"
                        + " from device where organisation_id = ? order by id")
                .param(organisationId)
                .query((rs, n) -> new Reconciler.Declared(
                        rs.getLong("id"),
                        rs.getString("manufacturer"),
                        rs.getString("model"),
                        rs.getString("firmware"),
                        rs.getString("serial_number"),
                        rs.getString("mac_address"),
                        rs.getString("ip_address"),
                        "IN_SERVICE".equals(rs.getString("status"))))
                .list();
    }

    private static SurveyRow survey(ResultSet rs, int n) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new SurveyRow(
                rs.getLong("id"),
                rs.getLong("organisation_id"),
                rs.getString("method"),
                rs.getString("scope"),
                rs.getString("exclusions"),
                rs.getString("settings"),
                rs.getString("status"),
                rs.getLong("addresses"),
                rs.getLong("surveyed"),
                rs.getLong("answered"),
                rs.getLong("identified"),
                rs.getLong("packets"),
                rs.getString("fingerprints_version"),
                rs.getString("intel_version"),
                rs.getString("started_by"),
                rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(),
                rs.getString("failure"));
    }

    private static HostRow host(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        long deviceId = rs.getLong("device_id");
        Long device = rs.wasNull() ? null : deviceId; // wasNull speaks of the last column read
        return new HostRow(
                rs.getLong("id"),
                rs.getLong("survey_id"),
                rs.getString("address"),
                rs.getString("open_ports"),
                rs.getString("maker"),
                rs.getString("sold_as"),
                rs.getString("path"),
                rs.getString("model"),
                rs.getString("firmware"),
                rs.getString("serial_number"),
                rs.getString("mac_address"),
                rs.getString("kind"),
                rs.getBoolean("video"),
                rs.getDouble("confidence"),
                rs.getString("details"),
                rs.getString("decision"),
                device,
                rs.getString("decided_by"),
                decided == null ? null : decided.toInstant());
    }
}
