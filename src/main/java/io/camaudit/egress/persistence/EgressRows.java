package io.camaudit.egress.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A body's egress settings and alerts; and a read model of its in-service devices with their
 * addresses and who made them (it never writes a device).
 */
@Repository
public class EgressRows {

    public record Setting(long organisationId, String ownNetworks, String allowed, String setBy, Instant setAt) {}

    /** A registered device as the egress engine needs it. */
    public record DeviceInput(
            long id,
            @Nullable Long siteId,
            @Nullable String ipAddress,
            @Nullable String macAddress,
            @Nullable String maker,
            @Nullable String manufacturer,
            @Nullable String model) {}

    public record AlertRow(
            long id,
            long organisationId,
            long deviceId,
            String ruleId,
            String severity,
            String title,
            String destination,
            int port,
            int protocol,
            @Nullable String name,
            @Nullable String endpointId,
            @Nullable String endpoint,
            @Nullable String country,
            @Nullable Long asn,
            @Nullable String asnOwner,
            String geoData,
            Instant firstSeen,
            Instant lastSeen,
            long flows,
            long bytes,
            long packets,
            String evidence,
            String status,
            @Nullable String comment,
            @Nullable String decidedBy,
            @Nullable Instant decidedAt,
            String source,
            String dataVersion) {}

    /** What names an alert within its body: a device, a rule and a destination (the table's unique key). */
    public record AlertKey(long deviceId, String ruleId, String destination) {}

    /**
     * The devices whose alerts are looked up in one statement: a window of the collector keeps tens
     * of thousands of alerts, and a few statements an alert took most of the processor time a window
     * had.
     */
    private static final int DEVICES_A_STATEMENT = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    EgressRows(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    public Optional<Setting> setting(long organisationId) {
        return jdbc.sql("select * from egress_setting where organisation_id = ?")
                .param(organisationId)
                .query((rs, n) -> new Setting(
                        rs.getLong("organisation_id"),
                        rs.getString("own_networks"),
                        rs.getString("allowed"),
                        rs.getString("set_by"),
                        rs.getTimestamp("set_at").toInstant()))
                .optional();
    }

    public void saveSetting(Setting s) {
        int updated = jdbc.sql("update egress_setting set own_networks = ?, allowed = ?, set_by = ?, set_at = ?"
                        + " where organisation_id = ?")
                .params(s.ownNetworks(), s.allowed(), s.setBy(), Timestamp.from(s.setAt()), s.organisationId())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into egress_setting (organisation_id, own_networks, allowed, set_by, set_at)"
                            + " values (?, ?, ?, ?, ?)")
                    .params(s.organisationId(), s.ownNetworks(), s.allowed(), s.setBy(), Timestamp.from(s.setAt()))
                    .update();
        }
    }

    public List<DeviceInput> devices(long organisationId) {
        return jdbc.sql("select d.id, d.site_id, d.ip_address, d.mac_address, d.manufacturer, d.model, r.maker"
                        + " from device d left join device_resolution r on r.device_id = d.id"
                        + " where d.organisation_id = ? and d.status = 'IN_SERVICE'"
                        + " and (d.ip_address is not null or d.mac_address is not null) order by d.id")
                .param(organisationId)
                .query((rs, n) -> new DeviceInput(
                        rs.getLong("id"),
                        nullableLong(rs, "site_id"),
                        rs.getString("ip_address"),
                        rs.getString("mac_address"),
                        rs.getString("maker"),
                        rs.getString("manufacturer"),
                        rs.getString("model")))
                .list();
    }

    public Optional<AlertRow> alert(long id) {
        return jdbc.sql("select * from egress_alert where id = ?")
                .param(id)
                .query(EgressRows::alert)
                .optional();
    }

    /**
     * The body's alerts that have these keys, by key: those of a few hundred of the keys' devices a
     * statement, through the index by device. (H2 answered neither a statement that named each key
     * as a row, {@code (device_id, rule_id, destination) in (...)}, nor one with the body as well as
     * the devices, from an index: it read all the body's alerts for every few hundred keys.) The
     * body is checked here instead, so that another body's row is never taken for one of this one's.
     */
    public Map<AlertKey, AlertRow> alerts(long organisationId, Collection<AlertKey> keys) {
        java.util.Set<AlertKey> wanted = new java.util.HashSet<>(keys);
        List<Long> devices =
                wanted.stream().map(AlertKey::deviceId).distinct().sorted().toList();
        Map<AlertKey, AlertRow> found = new HashMap<>();
        for (int from = 0; from < devices.size(); from += DEVICES_A_STATEMENT) {
            List<Long> some = devices.subList(from, Math.min(devices.size(), from + DEVICES_A_STATEMENT));
            jdbc.sql("select * from egress_alert where device_id in ("
                            + String.join(", ", java.util.Collections.nCopies(some.size(), "?")) + ")")
                    .params(new ArrayList<Object>(some))
                    .query(EgressRows::alert)
                    .list()
                    .forEach(a -> {
                        AlertKey key = new AlertKey(a.deviceId(), a.ruleId(), a.destination());
                        if (a.organisationId() == organisationId && wanted.contains(key)) {
                            found.put(key, a);
                        }
                    });
        }
        return found;
    }

    /**
     * The columns an alert's activity changes, in the order {@link #activity} gives their values:
     * written by an insert after the key, and by an update.
     */
    private static final List<String> ACTIVITY = List.of(
            "port",
            "protocol",
            "name",
            "endpoint_id",
            "endpoint",
            "country",
            "asn",
            "asn_owner",
            "geo_data",
            "first_seen",
            "last_seen",
            "flows",
            "bytes",
            "packets",
            "evidence",
            "status",
            "source",
            "data_version");

    /** Adds new alerts, in batches. */
    public void insert(List<AlertRow> alerts) {
        batch(
                "insert into egress_alert (organisation_id, device_id, rule_id, severity, title, destination, "
                        + String.join(", ", ACTIVITY) + ") values (?, ?, ?, ?, ?, ?"
                        + ", ?".repeat(ACTIVITY.size()) + ")",
                alerts.stream()
                        .map(a -> concat(
                                new Object[] {
                                    a.organisationId(),
                                    a.deviceId(),
                                    a.ruleId(),
                                    a.severity(),
                                    a.title(),
                                    a.destination()
                                },
                                activity(a)))
                        .toList());
    }

    /**
     * Counts more activity into alerts, in batches (a resolved one seen again is opened again by
     * its caller).
     */
    public void update(List<AlertRow> alerts) {
        batch(
                "update egress_alert set " + String.join(" = ?, ", ACTIVITY) + " = ? where id = ?",
                alerts.stream()
                        .map(a -> concat(activity(a), new Object[] {a.id()}))
                        .toList());
    }

    /** Runs the statement for each row of values, a thousand rows a batch. */
    private void batch(String sql, List<Object[]> values) {
        for (int from = 0; from < values.size(); from += 1_000) {
            batches.batchUpdate(sql, values.subList(from, Math.min(values.size(), from + 1_000)));
        }
    }

    /** The values of {@link #ACTIVITY}'s columns (an array: some are null). */
    private static Object[] activity(AlertRow a) {
        return new Object[] {
            a.port(),
            a.protocol(),
            a.name(),
            a.endpointId(),
            a.endpoint(),
            a.country(),
            a.asn(),
            a.asnOwner(),
            a.geoData(),
            Timestamp.from(a.firstSeen()),
            Timestamp.from(a.lastSeen()),
            a.flows(),
            a.bytes(),
            a.packets(),
            a.evidence(),
            a.status(),
            a.source(),
            a.dataVersion()
        };
    }

    private static Object[] concat(Object[] first, Object[] then) {
        Object[] values = java.util.Arrays.copyOf(first, first.length + then.length);
        System.arraycopy(then, 0, values, first.length, then.length);
        return values;
    }

    public void decide(long id, String status, String comment, String by, Instant at) {
        jdbc.sql("update egress_alert set status = ?, comment = ?, decided_by = ?, decided_at = ? where id = ?")
                .params(status, comment, by, Timestamp.from(at), id)
                .update();
    }

    /** A body's alerts, open ones first, most recent activity first; at most {@code limit}. */
    public List<AlertRow> alerts(long organisationId, @Nullable String status, int limit) {
        return jdbc.sql("select * from egress_alert where organisation_id = ?"
                        + (status == null ? "" : " and status = ?")
                        + " order by case status when 'OPEN' then 0 when 'ACKNOWLEDGED' then 1 else 2 end,"
                        + " last_seen desc, id desc limit ?")
                .params(status == null ? List.of(organisationId, limit) : List.of(organisationId, status, limit))
                .query(EgressRows::alert)
                .list();
    }

    /** The alerts of the devices at a site, not resolved ones first. */
    public List<AlertRow> siteAlerts(long organisationId, long siteId) {
        return jdbc.sql(
                        "select a.* from egress_alert a join device d on d.id = a.device_id"
                                + " where a.organisation_id = ? and d.site_id = ?"
                                + " order by case a.status when 'RESOLVED' then 1 else 0 end, a.last_seen desc, a.id desc limit 50")
                .params(organisationId, siteId)
                .query(EgressRows::alert)
                .list();
    }

    public List<AlertRow> deviceAlerts(long deviceId) {
        return jdbc.sql("select * from egress_alert where device_id = ? order by last_seen desc, id desc limit 50")
                .param(deviceId)
                .query(EgressRows::alert)
                .list();
    }

    private static AlertRow alert(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        long asn = rs.getLong("asn");
        Long asnValue = rs.wasNull() ? null : asn;
        return new AlertRow(
                rs.getLong("id"),
                rs.getLong("organisation_id"),
                rs.getLong("device_id"),
                rs.getString("rule_id"),
                rs.getString("severity"),
                rs.getString("title"),
                rs.getString("destination"),
                rs.getInt("port"),
                rs.getInt("protocol"),
                rs.getString("name"),
                rs.getString("endpoint_id"),
                rs.getString("endpoint"),
                rs.getString("country"),
                asnValue,
                rs.getString("asn_owner"),
                rs.getString("geo_data"),
                rs.getTimestamp("first_seen").toInstant(),
                rs.getTimestamp("last_seen").toInstant(),
                rs.getLong("flows"),
                rs.getLong("bytes"),
                rs.getLong("packets"),
                rs.getString("evidence"),
                rs.getString("status"),
                rs.getString("comment"),
                rs.getString("decided_by"),
                decided == null ? null : decided.toInstant(),
                rs.getString("source"),
                rs.getString("data_version"));
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
