package io.camaudit.register.persistence;

import io.camaudit.register.Provenance;
import io.camaudit.register.Site;
import io.camaudit.register.SiteKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The site table. */
@Repository
public class SiteRows {

    private final JdbcClient jdbc;

    SiteRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Site> ofOrganisation(long organisationId) {
        return jdbc.sql("select * from site where organisation_id = ? order by name")
                .param(organisationId)
                .query(SiteRows::map)
                .list();
    }

    public Optional<Site> find(long id) {
        return jdbc.sql("select * from site where id = ?")
                .param(id)
                .query(SiteRows::map)
                .optional();
    }

    public Optional<Site> findByName(long organisationId, String name) {
        return jdbc.sql("select * from site where organisation_id = ? and lower(name) = lower(?)")
                .params(organisationId, name.trim())
                .query(SiteRows::map)
                .optional();
    }

    public long insert(
            long organisationId,
            String name,
            @Nullable String address,
            @Nullable String postcode,
            SiteKind kind,
            boolean sensitive,
            Provenance provenance) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into site (organisation_id, name, address, postcode, kind, sensitive,
                            provenance_kind, provenance_source, recorded_at, recorded_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        organisationId,
                        name,
                        address,
                        postcode,
                        kind.name(),
                        sensitive,
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
            @Nullable String address,
            @Nullable String postcode,
            SiteKind kind,
            boolean sensitive,
            Provenance provenance) {
        jdbc.sql("""
                        update site set name = ?, address = ?, postcode = ?, kind = ?, sensitive = ?,
                            provenance_kind = ?, provenance_source = ?, recorded_at = ?, recorded_by = ?,
                            version = version + 1
                        where id = ?""")
                .params(
                        name,
                        address,
                        postcode,
                        kind.name(),
                        sensitive,
                        provenance.kind().name(),
                        provenance.source(),
                        Columns.timestamp(provenance),
                        provenance.recordedBy(),
                        id)
                .update();
    }

    public void delete(long id) {
        jdbc.sql("delete from site where id = ?").param(id).update();
    }

    static Site map(ResultSet rs, int row) throws SQLException {
        return new Site(
                rs.getLong("id"),
                rs.getLong("organisation_id"),
                rs.getString("name"),
                rs.getString("address"),
                rs.getString("postcode"),
                SiteKind.valueOf(rs.getString("kind")),
                rs.getBoolean("sensitive"),
                Columns.provenance(rs));
    }
}
