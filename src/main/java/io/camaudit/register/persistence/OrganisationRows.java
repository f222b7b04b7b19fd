package io.camaudit.register.persistence;

import io.camaudit.register.Organisation;
import io.camaudit.register.Provenance;
import io.camaudit.register.Region;
import io.camaudit.register.Sector;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The organisation table. */
@Repository
public class OrganisationRows {

    private static final String SELECT = "select * from organisation";

    private final JdbcClient jdbc;

    OrganisationRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Organisation> all() {
        return jdbc.sql(SELECT + " order by name").query(OrganisationRows::map).list();
    }

    public List<Organisation> filtered(
            @Nullable Sector sector, @Nullable Region region, @Nullable String nameContains) {
        StringBuilder sql = new StringBuilder(SELECT + " where 1 = 1");
        java.util.List<Object> params = new java.util.ArrayList<>();
        if (sector != null) {
            sql.append(" and sector = ?");
            params.add(sector.name());
        }
        if (region != null) {
            sql.append(" and region = ?");
            params.add(region.name());
        }
        if (nameContains != null && !nameContains.isBlank()) {
            sql.append(" and lower(name) like ?");
            params.add(
                    "%" + nameContains.trim().toLowerCase(java.util.Locale.ROOT).replace("%", "") + "%");
        }
        return jdbc.sql(sql + " order by name")
                .params(params)
                .query(OrganisationRows::map)
                .list();
    }

    public Optional<Organisation> find(long id) {
        return jdbc.sql(SELECT + " where id = ?")
                .param(id)
                .query(OrganisationRows::map)
                .optional();
    }

    public Optional<Organisation> findByName(String name) {
        return jdbc.sql(SELECT + " where lower(name) = lower(?)")
                .param(name.trim())
                .query(OrganisationRows::map)
                .optional();
    }

    public boolean nameTaken(String name, @Nullable Long exceptId) {
        return jdbc.sql("select count(*) from organisation where lower(name) = lower(?) and id <> ?")
                        .params(name.trim(), exceptId == null ? -1L : exceptId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public long insert(
            String name,
            Sector sector,
            Region region,
            @Nullable String code,
            @Nullable String contactEmail,
            Provenance provenance) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into organisation (name, sector, region, official_code, contact_email,
                            provenance_kind, provenance_source, recorded_at, recorded_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        name,
                        sector.name(),
                        region.name(),
                        code,
                        contactEmail,
                        provenance.kind().name(),
                        provenance.source(),
                        Columns.timestamp(provenance),
                        provenance.recordedBy())
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    public void update(
            long id,
            String name,
            Sector sector,
            Region region,
            @Nullable String code,
            @Nullable String contactEmail,
            Provenance provenance) {
        jdbc.sql("""
                        update organisation set name = ?, sector = ?, region = ?, official_code = ?,
                            contact_email = ?, provenance_kind = ?, provenance_source = ?, recorded_at = ?,
                            recorded_by = ?, version = version + 1
                        where id = ?""")
                .params(
                        name,
                        sector.name(),
                        region.name(),
                        code,
                        contactEmail,
                        provenance.kind().name(),
                        provenance.source(),
                        Columns.timestamp(provenance),
                        provenance.recordedBy(),
                        id)
                .update();
    }

    public long count() {
        return jdbc.sql("select count(*) from organisation").query(Long.class).single();
    }

    static Organisation map(ResultSet rs, int row) throws SQLException {
        return new Organisation(
                rs.getLong("id"),
                rs.getString("name"),
                Sector.valueOf(rs.getString("sector")),
                Region.valueOf(rs.getString("region")),
                rs.getString("official_code"),
                rs.getString("contact_email"),
                Columns.provenance(rs));
    }
}
