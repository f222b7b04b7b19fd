package io.camaudit.remediation.persistence;

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
 * Remediation actions and the history of their states; and a read model of a body's in-service
 * devices with their site and resolved maker (it never writes a device).
 */
@Repository
public class RemediationRows {

    public record ActionRow(
            long id,
            long organisationId,
            long deviceId,
            String action,
            @Nullable String capability,
            String owner,
            LocalDate targetDate,
            @Nullable Long costPence,
            String status,
            @Nullable String note,
            String createdBy,
            Instant createdAt,
            int version) {}

    public record ChangeRow(
            long actionId,
            String status,
            LocalDate on,
            String by,
            @Nullable String note) {}

    /** An in-service device as the plan shows it. */
    public record DeviceRow(
            long id,
            @Nullable Long siteId,
            @Nullable String site,
            @Nullable String manufacturer,
            @Nullable String model,
            @Nullable String maker,
            @Nullable String soldAs) {}

    private final JdbcClient jdbc;

    RemediationRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(
            long organisationId,
            long deviceId,
            String action,
            @Nullable String capability,
            String owner,
            LocalDate target,
            @Nullable Long costPence,
            @Nullable String note,
            String by,
            Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(
                        "insert into remediation_action (organisation_id, device_id, action, capability, owner, target_date,"
                                + " cost_pence, status, note, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, 'PLANNED', ?, ?, ?)")
                .params(
                        organisationId,
                        deviceId,
                        action,
                        capability,
                        owner,
                        java.sql.Date.valueOf(target),
                        costPence,
                        note,
                        by,
                        Timestamp.from(at))
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    /** Changes an action's state if it is still at the version read: false when someone changed it first. */
    public boolean setStatus(long id, int version, String status, @Nullable String note) {
        return jdbc.sql("update remediation_action set status = ?, note = coalesce(?, note), version = version + 1"
                                + " where id = ? and version = ?")
                        .params(status, note, id, version)
                        .update()
                == 1;
    }

    public void insertChange(long actionId, String status, LocalDate on, String by, @Nullable String note) {
        jdbc.sql(
                        "insert into remediation_change (action_id, status, changed_on, changed_by, note) values (?, ?, ?, ?, ?)")
                .params(actionId, status, java.sql.Date.valueOf(on), by, note)
                .update();
    }

    public Optional<ActionRow> action(long id) {
        return jdbc.sql("select * from remediation_action where id = ?")
                .param(id)
                .query(RemediationRows::action)
                .optional();
    }

    public List<ActionRow> actions(long organisationId) {
        return jdbc.sql("select * from remediation_action where organisation_id = ? order by target_date, id")
                .param(organisationId)
                .query(RemediationRows::action)
                .list();
    }

    public List<ActionRow> actionsOfDevice(long deviceId) {
        return jdbc.sql("select * from remediation_action where device_id = ? order by id desc")
                .param(deviceId)
                .query(RemediationRows::action)
                .list();
    }

    /** The changes of a body's actions, in date order. */
    public List<ChangeRow> changes(long organisationId) {
        return jdbc.sql("select c.action_id, c.status, c.changed_on, c.changed_by, c.note from remediation_change c"
                        + " join remediation_action a on a.id = c.action_id where a.organisation_id = ?"
                        + " order by c.changed_on, c.id")
                .param(organisationId)
                .query((rs, n) -> new ChangeRow(
                        rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4), rs.getString(5)))
                .list();
    }

    public List<DeviceRow> devices(long organisationId) {
        return jdbc.sql("select d.id, d.site_id, s.name, d.manufacturer, d.model, r.maker, r.sold_as from device d"
                        + " left join site s on s.id = d.site_id left join device_resolution r on r.device_id = d.id"
                        + " where d.organisation_id = ? and d.status = 'IN_SERVICE' order by d.id")
                .param(organisationId)
                .query((rs, n) -> {
                    long site = rs.getLong(2);
                    Long siteId = rs.wasNull() ? null : site;
                    return new DeviceRow(
                            rs.getLong(1),
                            siteId,
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7));
                })
                .list();
    }

    private static ActionRow action(ResultSet rs, int n) throws SQLException {
        long cost = rs.getLong("cost_pence");
        Long costPence = rs.wasNull() ? null : cost;
        return new ActionRow(
                rs.getLong("id"),
                rs.getLong("organisation_id"),
                rs.getLong("device_id"),
                rs.getString("action"),
                rs.getString("capability"),
                rs.getString("owner"),
                rs.getDate("target_date").toLocalDate(),
                costPence,
                rs.getString("status"),
                rs.getString("note"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getInt("version"));
    }
}
