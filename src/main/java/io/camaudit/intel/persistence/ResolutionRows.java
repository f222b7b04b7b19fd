package io.camaudit.intel.persistence;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Devices' resolutions ({@code device_resolution}). It reads the register's device table for what
 * the resolver needs (a read model: it never writes a device).
 */
@Repository
public class ResolutionRows {

    /** What the resolver reads of a device, and the device version it read. */
    public record DeviceInput(
            long id,
            int version,
            @Nullable String manufacturer,
            @Nullable String brand,
            @Nullable String model,
            @Nullable String mac) {}

    /** A resolution to store. */
    public record Annotation(
            long deviceId,
            int deviceVersion,
            @Nullable String maker,
            @Nullable String soldAs,
            @Nullable String relation,
            double confidence,
            boolean needsReview,
            String evidenceJson) {}

    /** A stored resolution. */
    public record Stored(
            long deviceId,
            @Nullable String maker,
            @Nullable String soldAs,
            @Nullable String relation,
            double confidence,
            boolean needsReview,
            String evidenceJson,
            String bundleVersion,
            Instant resolvedAt,
            boolean current) {}

    /** In-service devices of one maker (or none) at one site (or none), for the flags. */
    public record MakerCount(
            @Nullable Long siteId,
            @Nullable String maker,
            @Nullable String soldAs,
            long devices) {}

    /** A string the resolver could not place, or placed with low confidence, with how many devices carry it. */
    public record ReviewRow(
            @Nullable String manufacturer,
            @Nullable String brand,
            @Nullable String model,
            long devices,
            long organisations) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ResolutionRows(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public List<Long> organisationIds() {
        return jdbc.sql("select id from organisation order by id")
                .query(Long.class)
                .list();
    }

    /**
     * The organisation's next devices after {@code afterId}, in id order. ORDER BY names the index's
     * leading columns so that H2 walks it and stops at the limit (a join here made it read the whole
     * organisation for every batch).
     */
    public List<DeviceInput> devicesAfter(long organisationId, long afterId, int limit) {
        return jdbc.sql("""
                        select d.id, d.version, d.manufacturer, d.brand, d.model, d.mac_address
                        from device d
                        where d.organisation_id = ? and d.id > ?
                        order by d.organisation_id, d.id
                        limit ?""")
                .params(organisationId, afterId, limit)
                .query((rs, n) -> new DeviceInput(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
    }

    /** For each of these devices that has an annotation: the device version and resolver version it was made with. */
    public java.util.Map<Long, String> annotatedWith(List<Long> deviceIds) {
        java.util.Map<Long, String> states = new java.util.HashMap<>();
        if (deviceIds.isEmpty()) {
            return states;
        }
        String marks = String.join(",", java.util.Collections.nCopies(deviceIds.size(), "?"));
        jdbc.sql("select device_id, device_version, bundle_version from device_resolution where device_id in (" + marks
                        + ")")
                .params(deviceIds.toArray())
                .query((rs, n) -> states.put(rs.getLong(1), rs.getInt(2) + "|" + rs.getString(3)))
                .list();
        return states;
    }

    public void save(long organisationId, List<Annotation> annotations, String bundleVersion, Instant at) {
        if (annotations.isEmpty()) {
            return;
        }
        template.batchUpdate(
                "delete from device_resolution where device_id = ?",
                annotations,
                annotations.size(),
                (PreparedStatement ps, Annotation a) -> ps.setLong(1, a.deviceId()));
        template.batchUpdate(
                "insert into device_resolution (device_id, organisation_id, device_version, maker, sold_as, relation,"
                        + " confidence, needs_review, evidence, bundle_version, resolved_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                annotations,
                annotations.size(),
                (PreparedStatement ps, Annotation a) -> {
                    ps.setLong(1, a.deviceId());
                    ps.setLong(2, organisationId);
                    ps.setInt(3, a.deviceVersion());
                    setNullable(ps, 4, a.maker());
                    setNullable(ps, 5, a.soldAs());
                    setNullable(ps, 6, a.relation());
                    ps.setDouble(7, a.confidence());
                    ps.setBoolean(8, a.needsReview());
                    ps.setString(9, a.evidenceJson());
                    ps.setString(10, bundleVersion);
                    ps.setTimestamp(11, Timestamp.from(at));
                });
    }

    private static void setNullable(PreparedStatement ps, int index, @Nullable String value)
            throws java.sql.SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    public Optional<Stored> forDevice(long deviceId) {
        return jdbc.sql("""
                        select r.device_id, r.maker, r.sold_as, r.relation, r.confidence, r.needs_review, r.evidence,
                               r.bundle_version, r.resolved_at, r.device_version = d.version
                        from device_resolution r join device d on d.id = r.device_id
                        where r.device_id = ?""")
                .param(deviceId)
                .query((rs, n) -> new Stored(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getDouble(5),
                        rs.getBoolean(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getTimestamp(9).toInstant(),
                        rs.getBoolean(10)))
                .optional();
    }

    /** In-service devices of an organisation by site and resolved maker. */
    public List<MakerCount> makersBySite(long organisationId) {
        return jdbc.sql("""
                        select d.site_id, r.maker, r.sold_as, count(*)
                        from device d join device_resolution r on r.device_id = d.id
                        where d.organisation_id = ? and d.status = 'IN_SERVICE'
                        group by d.site_id, r.maker, r.sold_as""")
                .param(organisationId)
                .query((rs, n) -> new MakerCount(
                        rs.getObject(1) == null ? null : rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4)))
                .list();
    }

    /** Devices of the organisation not yet resolved (or resolved before a change). */
    public long unresolvedCount(long organisationId, String bundleVersion) {
        return jdbc.sql("""
                        select count(*) from device d left join device_resolution r on r.device_id = d.id
                        where d.organisation_id = ?
                          and (r.device_id is null or r.device_version <> d.version or r.bundle_version <> ?)""")
                .params(organisationId, bundleVersion)
                .query(Long.class)
                .single();
    }

    /** The strings behind devices that need review, most devices first, across the register. */
    public List<ReviewRow> reviewQueue(int limit) {
        return jdbc.sql("""
                        select d.manufacturer, d.brand, d.model, count(*), count(distinct d.organisation_id)
                        from device_resolution r join device d on d.id = r.device_id
                        where r.needs_review
                        group by d.manufacturer, d.brand, d.model
                        order by count(*) desc, d.manufacturer, d.model
                        limit ?""")
                .param(limit)
                .query((rs, n) ->
                        new ReviewRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)))
                .list();
    }
}
