package io.camaudit.register.persistence;

import io.camaudit.register.Capability;
import io.camaudit.register.Device;
import io.camaudit.register.DeviceFacts;
import io.camaudit.register.DevicePage;
import io.camaudit.register.DeviceQuery;
import io.camaudit.register.DeviceRow;
import io.camaudit.register.DeviceStatus;
import io.camaudit.register.FactSources;
import io.camaudit.register.IpAddress;
import io.camaudit.register.MacAddress;
import io.camaudit.register.NaturalKeys;
import io.camaudit.register.Provenance;
import io.camaudit.register.Sector;
import io.camaudit.register.SiteKind;
import io.camaudit.shared.Viewer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The device table, including the keyset-paged search and the batch writes imports use. */
@Repository
public class DeviceRows {

    private static final String COLUMNS = """
            organisation_id, site_id, system_id, natural_key, manufacturer, manufacturer_key, brand, model,
            firmware, serial_number, mac_address, ip_address, asset_tag, cap_face_recognition, cap_audio,
            cap_anpr, cap_thermal, cap_ptz, cap_analytics, status, installed_on, status_changed_on,
            provenance_kind, provenance_source, recorded_at, recorded_by, fact_sources""";

    /**
     * The body's sector and the site's kind of place are copied onto the device for search (see
     * V3__device_search.sql); each write looks them up once for its batch (see {@link Placing}).
     */
    private static final String INSERT = "insert into device (" + COLUMNS + ", sector, site_kind)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String UPDATE = """
            update device set organisation_id = ?, site_id = ?, system_id = ?, natural_key = ?, manufacturer = ?,
                manufacturer_key = ?, brand = ?, model = ?, firmware = ?, serial_number = ?, mac_address = ?,
                ip_address = ?, asset_tag = ?, cap_face_recognition = ?, cap_audio = ?, cap_anpr = ?,
                cap_thermal = ?, cap_ptz = ?, cap_analytics = ?, status = ?, installed_on = ?,
                status_changed_on = ?, provenance_kind = ?, provenance_source = ?, recorded_at = ?,
                recorded_by = ?, fact_sources = ?, sector = ?, site_kind = ?, version = version + 1
            where id = ? and organisation_id = ?""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    DeviceRows(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** What a device row holds, without its id: the unit of insert, update and comparison. */
    public record Values(
            long organisationId,
            @Nullable Long siteId,
            @Nullable Long systemId,
            String naturalKey,
            DeviceFacts facts,
            Provenance provenance,
            FactSources sources) {

        public Values withSources(FactSources sources) {
            return new Values(organisationId, siteId, systemId, naturalKey, facts, provenance, sources);
        }
    }

    public Optional<Device> find(long id) {
        return jdbc.sql("select * from device where id = ?")
                .param(id)
                .query(DeviceRows::map)
                .optional();
    }

    public long insert(Values values) {
        Placing placing = placing(List.of(values));
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        template.update(
                connection -> {
                    PreparedStatement ps = connection.prepareStatement(INSERT, new String[] {"id"});
                    bind(ps, values, placing);
                    return ps;
                },
                keys);
        return keys.getKeyAs(Long.class);
    }

    /** Rewrites a device; a device stays with the body that has it, which the statement checks. */
    public void update(long id, Values values) {
        Placing placing = placing(List.of(values));
        int updated = template.update(UPDATE, ps -> bindUpdate(ps, id, values, placing));
        if (updated != 1) {
            throw new IllegalStateException(
                    "device " + id + " of organisation " + values.organisationId() + " does not exist");
        }
    }

    public void insertAll(List<Values> rows) {
        Placing placing = placing(rows);
        template.batchUpdate(INSERT, rows, rows.size(), (ps, v) -> bind(ps, v, placing));
    }

    /** Inserts a batch and returns the new ids in the batch's order. */
    public List<Long> insertAllReturningIds(List<Values> rows) {
        Placing placing = placing(rows);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        template.batchUpdate(
                connection -> connection.prepareStatement(INSERT, new String[] {"id"}),
                new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        bind(ps, rows.get(i), placing);
                    }

                    @Override
                    public int getBatchSize() {
                        return rows.size();
                    }
                },
                keys);
        List<Long> ids = new ArrayList<>(rows.size());
        for (Map<String, Object> key : keys.getKeyList()) {
            ids.add(((Number) key.values().iterator().next()).longValue());
        }
        if (ids.size() != rows.size()) {
            throw new IllegalStateException(
                    "the database returned " + ids.size() + " ids for " + rows.size() + " rows");
        }
        return ids;
    }

    public void updateAll(Map<Long, Values> rows) {
        List<Map.Entry<Long, Values>> entries = new ArrayList<>(rows.entrySet());
        Placing placing = placing(rows.values());
        int[][] counts = template.batchUpdate(
                UPDATE,
                entries,
                entries.size(),
                (ps, entry) -> bindUpdate(ps, entry.getKey(), entry.getValue(), placing));
        for (int[] batch : counts) {
            for (int updated : batch) {
                // Drivers may answer "done, count unknown" (SUCCESS_NO_INFO, -2) for a batch.
                if (updated == 0) {
                    throw new IllegalStateException("a device of the batch does not exist in its organisation");
                }
            }
        }
    }

    /** Deletes devices of one body (an import being undone). */
    public void deleteAll(long organisationId, Collection<Long> ids) {
        template.batchUpdate(
                "delete from device where id = ? and organisation_id = ?",
                new ArrayList<>(ids),
                ids.size(),
                (ps, id) -> {
                    ps.setLong(1, id);
                    ps.setLong(2, organisationId);
                });
    }

    /** Keeps the devices' copy of their body's sector in step with the body. */
    public void sectorChanged(long organisationId, Sector sector) {
        jdbc.sql("update device set sector = ? where organisation_id = ? and sector <> ?")
                .params(sector.name(), organisationId, sector.name())
                .update();
    }

    /** Keeps the devices' copy of their site's kind of place in step with the site. */
    public void siteKindChanged(long siteId, SiteKind kind) {
        jdbc.sql("update device set site_kind = ? where site_id = ? and site_kind <> ?")
                .params(kind.name(), siteId, kind.name())
                .update();
    }

    public boolean siteInUse(long siteId) {
        return jdbc.sql("select count(*) from device where site_id = ?")
                        .param(siteId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public boolean systemInUse(long systemId) {
        return jdbc.sql("select count(*) from device where system_id = ?")
                        .param(systemId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * Keys per lookup. H2 re-checks each row it finds against the IN list one value at a time, so a
     * list of a thousand costs a million comparisons; a hundred keeps the lookup linear in practice.
     */
    private static final int KEYS_PER_LOOKUP = 100;

    /** The devices of one organisation with the given natural keys, by key. */
    public Map<String, Device> findByNaturalKeys(long organisationId, Collection<String> naturalKeys) {
        if (naturalKeys.size() > KEYS_PER_LOOKUP) {
            List<String> keys = new ArrayList<>(naturalKeys);
            Map<String, Device> found = new HashMap<>();
            for (int from = 0; from < keys.size(); from += KEYS_PER_LOOKUP) {
                found.putAll(findByNaturalKeys(
                        organisationId, keys.subList(from, Math.min(keys.size(), from + KEYS_PER_LOOKUP))));
            }
            return found;
        }
        if (naturalKeys.isEmpty()) {
            return Collections.emptyMap();
        }
        String marks = String.join(", ", Collections.nCopies(naturalKeys.size(), "?"));
        List<Object> params = new ArrayList<>(naturalKeys.size() + 1);
        params.add(organisationId);
        params.addAll(naturalKeys);
        Map<String, Device> found = new HashMap<>();
        jdbc.sql("select * from device where organisation_id = ? and natural_key in (" + marks + ")")
                .params(params)
                .query(DeviceRows::map)
                .list()
                .forEach(device -> found.put(device.naturalKey(), device));
        return found;
    }

    public List<Device> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
        return jdbc.sql("select * from device where id in (" + marks + ")")
                .params(new ArrayList<Object>(ids))
                .query(DeviceRows::map)
                .list();
    }

    /**
     * Devices in service that the viewer may see: all devices less those removed or replaced, since
     * those are few and counting them walks a short stretch of the status index.
     */
    public long inServiceCountFor(Viewer viewer) {
        List<Object> params = new ArrayList<>(List.of(DeviceStatus.IN_SERVICE.name()));
        String scope = "";
        if (!viewer.seesEverything()) {
            scope = " and organisation_id = ?";
            params.add(viewer.organisationId());
        }
        long notInService = jdbc.sql("select count(*) from device where status <> ?" + scope)
                .params(params)
                .query(Long.class)
                .single();
        return countFor(viewer) - notInService;
    }

    /**
     * Locks the body's row for the rest of the transaction and says whether it has any devices:
     * an import holds the lock so that no other import of the same body runs beside it.
     */
    public boolean lockBodyAndCheckEmpty(long organisationId) {
        jdbc.sql("select id from organisation where id = ? for update")
                .param(organisationId)
                .query(Long.class)
                .optional();
        return jdbc.sql("select count(*) from (select 1 from device where organisation_id = ? limit 1) one")
                        .param(organisationId)
                        .query(Long.class)
                        .single()
                == 0;
    }

    public long countFor(Viewer viewer) {
        if (viewer.seesEverything()) {
            return jdbc.sql("select count(*) from device").query(Long.class).single();
        }
        return jdbc.sql("select count(*) from device where organisation_id = ?")
                .param(viewer.organisationId())
                .query(Long.class)
                .single();
    }

    /** Counts by site within an organisation, for the organisation page. */
    public Map<Long, Long> countsBySite(long organisationId) {
        Map<Long, Long> counts = new HashMap<>();
        jdbc.sql("select site_id, count(*) as n from device where organisation_id = ? and site_id is not null"
                        + " group by site_id")
                .param(organisationId)
                .query(rs -> {
                    counts.put(rs.getLong("site_id"), rs.getLong("n"));
                });
        return counts;
    }

    /** Counts by stated manufacturer within an organisation, largest first. */
    public List<Map.Entry<String, Long>> countsByManufacturer(long organisationId, int limit) {
        return jdbc.sql("select coalesce(min(manufacturer), 'Not stated') as m, count(*) as n from device"
                        + " where organisation_id = ? group by manufacturer_key order by n desc limit " + limit)
                .param(organisationId)
                .query((rs, n) -> Map.entry(rs.getString("m"), rs.getLong("n")))
                .list();
    }

    /**
     * A page of the devices the viewer may see that match the query, in two steps: the ids of the
     * page from one covering index (see V3__device_search.sql), then those rows with their body's
     * and site's names.
     */
    public DevicePage search(Viewer viewer, DeviceQuery query) {
        List<Object> params = new ArrayList<>();
        String where = where(viewer, query, params);
        List<String> driver = drivingColumns(viewer, query);
        boolean backwards = query.beforeId() != null;
        List<Object> pageParams = new ArrayList<>(params);
        String keyset = "";
        if (query.afterId() != null) {
            keyset = " and d.id > ?";
            pageParams.add(query.afterId());
        } else if (backwards) {
            keyset = " and d.id < ?";
            pageParams.add(query.beforeId());
        }
        int limit = countLimit(viewer, query);
        boolean firstPage = query.afterId() == null && !backwards;
        // A national first page takes the ids up to the count's limit in the same walk, and counts
        // them: a rare combination of filters then walks its index once, not twice. (Ids come from
        // the index alone, so a thousand cost little more than fifty.)
        boolean countAsWeGo = firstPage && limit == DevicePage.NATIONAL_COUNT_LIMIT;
        int wanted = countAsWeGo ? limit + 1 : query.pageSize() + 1;
        List<Long> ids = new ArrayList<>(
                jdbc.sql("select d.id from device d" + where + keyset + orderBy(driver, backwards) + " limit " + wanted)
                        .params(pageParams)
                        .query(Long.class)
                        .list());
        long found = ids.size();
        boolean more = ids.size() > query.pageSize();
        if (more) {
            ids.subList(query.pageSize(), ids.size()).clear();
        }
        List<DeviceRow> rows = rows(ids); // in id order, whichever way the page was found
        // A first page that holds every match has counted them already.
        long counted = countAsWeGo || (firstPage && !more)
                ? found
                : jdbc.sql("select count(*) from (select 1 from device d" + where + orderBy(driver, false) + " limit "
                                + (limit + 1) + ") limited")
                        .params(params)
                        .query(Long.class)
                        .single();
        Long next = null;
        Long previous = null;
        if (!rows.isEmpty()) {
            long first = rows.get(0).device().id();
            long last = rows.get(rows.size() - 1).device().id();
            // Going forwards, a spare row means a next page; having started after an id means a
            // previous one. Going backwards it is the other way round.
            next = backwards || more ? last : null;
            previous = backwards ? (more ? first : null) : (query.afterId() != null ? first : null);
        }
        return new DevicePage(List.copyOf(rows), Math.min(counted, limit), counted > limit, next, previous);
    }

    /** The devices with these ids, in id order, with their body's and site's names. */
    private List<DeviceRow> rows(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
        return jdbc.sql("select d.*, o.name as organisation_name, s.name as site_name from device d"
                        + " join organisation o on o.id = d.organisation_id left join site s on s.id = d.site_id"
                        + " where d.id in (" + marks + ") order by d.id")
                .params(new ArrayList<Object>(ids))
                .query((rs, n) -> new DeviceRow(
                        map(rs, n),
                        rs.getString("organisation_name"),
                        rs.getString("site_name") == null ? "" : rs.getString("site_name")))
                .list();
    }

    /**
     * The index a search walks, named by the columns its ORDER BY puts before the id: those of the
     * filter that usually matches fewest devices. Ordering by (those columns, id) is ordering by id,
     * since the filters fix the columns, but H2 walks an index in order (instead of sorting every
     * match) only when the ORDER BY names the index's leading columns; PostgreSQL drops the fixed
     * columns and plans as it would anyway.
     *
     * <p>A national search naming sector, make, kind of place and status walks the index of all
     * four (V10__device_search_combination.sql): each alone matches about a tenth of the register,
     * so walking one filter's index to find a rare combination passed over a hundred thousand
     * entries. With three of them (no status), it returns nothing in particular: the planner reads
     * the few matches from that index's prefix and sorts them.
     */
    private static List<String> drivingColumns(Viewer viewer, DeviceQuery query) {
        if (query.siteId() != null) {
            return List.of("site_id");
        }
        if (query.organisationId() != null || !viewer.seesEverything()) {
            return List.of("organisation_id");
        }
        boolean make = NaturalKeys.manufacturerKey(query.manufacturer()) != null;
        if (make && query.sector() != null && query.siteKind() != null) {
            return query.status() != null ? List.of("sector", "manufacturer_key", "site_kind", "status") : List.of();
        }
        if (make) {
            return List.of("manufacturer_key");
        }
        if (query.siteKind() != null) {
            return List.of("site_kind");
        }
        if (query.sector() != null) {
            return List.of("sector");
        }
        // Status alone has no index of its own: in service is most of the register, and removed or
        // replaced devices are common enough that walking the table in id order finds a page soon.
        return List.of();
    }

    private static String orderBy(List<String> driver, boolean backwards) {
        String direction = backwards ? " desc" : "";
        StringBuilder order = new StringBuilder(" order by ");
        for (String column : driver) {
            order.append("d.").append(column).append(direction).append(", ");
        }
        return order.append("d.id").append(direction).toString();
    }

    /**
     * How far a search counts before it says "more than". Within one body the count is exact for
     * any real estate and costs at most a walk over that body's index entries. Across the country a
     * rare combination of filters could mean walking a tenth of the register to count to 10,000
     * (a fifth of a second on H2), so the national count stops at 1,000.
     */
    private static int countLimit(Viewer viewer, DeviceQuery query) {
        boolean oneBody = query.organisationId() != null || query.siteId() != null || !viewer.seesEverything();
        return oneBody ? DevicePage.BODY_COUNT_LIMIT : DevicePage.NATIONAL_COUNT_LIMIT;
    }

    private static String where(Viewer viewer, DeviceQuery query, List<Object> params) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (!viewer.seesEverything()) {
            where.append(" and d.organisation_id = ?");
            params.add(viewer.organisationId());
        }
        if (query.organisationId() != null) {
            where.append(" and d.organisation_id = ?");
            params.add(query.organisationId());
        }
        if (query.siteId() != null) {
            where.append(" and d.site_id = ?");
            params.add(query.siteId());
        }
        if (query.sector() != null) {
            where.append(" and d.sector = ?");
            params.add(query.sector().name());
        }
        if (query.siteKind() != null) {
            where.append(" and d.site_kind = ?");
            params.add(query.siteKind().name());
        }
        String manufacturerKey = NaturalKeys.manufacturerKey(query.manufacturer());
        if (manufacturerKey != null) {
            // Equality, not a prefix match: the (manufacturer_key, id) index then yields rows already
            // in id order, so a page stops after fifty rows instead of sorting every match.
            where.append(" and d.manufacturer_key = ?");
            params.add(manufacturerKey);
        }
        if (query.status() != null) {
            where.append(" and d.status = ?");
            params.add(query.status().name());
        }
        return where.toString();
    }

    /** The sector of each body and the kind of each site that a batch of devices names. */
    private record Placing(Map<Long, String> sectors, Map<Long, String> kinds) {

        String sector(long organisationId) {
            String sector = sectors.get(organisationId);
            if (sector == null) {
                throw new IllegalArgumentException("organisation " + organisationId + " does not exist");
            }
            return sector;
        }

        @Nullable
        String kind(@Nullable Long siteId) {
            return siteId == null ? null : kinds.get(siteId);
        }
    }

    private Placing placing(Collection<Values> rows) {
        Set<Long> organisations = new java.util.HashSet<>();
        Set<Long> sites = new java.util.HashSet<>();
        for (Values v : rows) {
            organisations.add(v.organisationId());
            if (v.siteId() != null) {
                sites.add(v.siteId());
            }
        }
        Map<Long, String> sectors = new HashMap<>();
        Map<Long, String> kinds = new HashMap<>();
        lookUp("select id, sector from organisation where id in ", organisations, sectors);
        lookUp("select id, kind from site where id in ", sites, kinds);
        return new Placing(sectors, kinds);
    }

    private void lookUp(String select, Set<Long> ids, Map<Long, String> into) {
        List<Long> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += KEYS_PER_LOOKUP) {
            List<Long> part = all.subList(from, Math.min(all.size(), from + KEYS_PER_LOOKUP));
            jdbc.sql(select + "(" + String.join(", ", Collections.nCopies(part.size(), "?")) + ")")
                    .params(new ArrayList<Object>(part))
                    .query((rs, n) -> into.put(rs.getLong(1), rs.getString(2)))
                    .list();
        }
    }

    private static void bind(PreparedStatement ps, Values v, Placing placing) throws SQLException {
        DeviceFacts f = v.facts();
        Set<Capability> caps = f.capabilities();
        ps.setLong(1, v.organisationId());
        setLong(ps, 2, v.siteId());
        setLong(ps, 3, v.systemId());
        ps.setString(4, v.naturalKey());
        ps.setString(5, f.manufacturer());
        ps.setString(6, NaturalKeys.manufacturerKey(f.manufacturer()));
        ps.setString(7, f.brand());
        ps.setString(8, f.model());
        ps.setString(9, f.firmware());
        ps.setString(10, f.serialNumber());
        ps.setString(11, f.macAddress() == null ? null : f.macAddress().value());
        ps.setString(12, f.ipAddress() == null ? null : f.ipAddress().value());
        ps.setString(13, f.assetTag());
        ps.setBoolean(14, caps.contains(Capability.FACE_RECOGNITION));
        ps.setBoolean(15, caps.contains(Capability.AUDIO));
        ps.setBoolean(16, caps.contains(Capability.ANPR));
        ps.setBoolean(17, caps.contains(Capability.THERMAL));
        ps.setBoolean(18, caps.contains(Capability.PTZ));
        ps.setBoolean(19, caps.contains(Capability.ANALYTICS));
        ps.setString(20, f.status().name());
        ps.setObject(21, Columns.sqlDate(f.installedOn()), Types.DATE);
        ps.setObject(22, Columns.sqlDate(f.statusChangedOn()), Types.DATE);
        ps.setString(23, v.provenance().kind().name());
        ps.setString(24, v.provenance().source());
        ps.setTimestamp(25, Columns.timestamp(v.provenance()));
        ps.setString(26, v.provenance().recordedBy());
        ps.setString(27, FactSourcesColumn.write(v.sources()));
        ps.setString(28, placing.sector(v.organisationId()));
        ps.setString(29, placing.kind(v.siteId()));
    }

    /** Where an update's id and owning body go, after the values {@link #bind} sets. */
    private static final int ID_PARAMETER = 30;

    private static void bindUpdate(PreparedStatement ps, long id, Values values, Placing placing) throws SQLException {
        bind(ps, values, placing);
        ps.setLong(ID_PARAMETER, id);
        ps.setLong(ID_PARAMETER + 1, values.organisationId());
    }

    private static void setLong(PreparedStatement ps, int index, @Nullable Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    static Device map(ResultSet rs, int row) throws SQLException {
        Set<Capability> caps = EnumSet.noneOf(Capability.class);
        for (Capability capability : Capability.values()) {
            if (rs.getBoolean("cap_" + capability.name().toLowerCase(Locale.ROOT))) {
                caps.add(capability);
            }
        }
        String mac = rs.getString("mac_address");
        String ip = rs.getString("ip_address");
        DeviceFacts facts = new DeviceFacts(
                rs.getString("manufacturer"),
                rs.getString("brand"),
                rs.getString("model"),
                rs.getString("firmware"),
                rs.getString("serial_number"),
                mac == null ? null : new MacAddress(mac),
                ip == null ? null : new IpAddress(ip),
                rs.getString("asset_tag"),
                caps,
                DeviceStatus.valueOf(rs.getString("status")),
                Columns.date(rs, "installed_on"),
                Columns.date(rs, "status_changed_on"));
        return new Device(
                rs.getLong("id"),
                rs.getLong("organisation_id"),
                Columns.nullableLong(rs, "site_id"),
                Columns.nullableLong(rs, "system_id"),
                rs.getString("natural_key"),
                facts,
                Columns.provenance(rs),
                FactSourcesColumn.read(rs.getString("fact_sources")),
                rs.getInt("version"));
    }
}
