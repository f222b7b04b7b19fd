package io.camaudit.register.persistence;

import io.camaudit.register.CameraSystem;
import io.camaudit.register.Procurement;
import io.camaudit.register.Provenance;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The camera_system table. */
@Repository
public class SystemRows {

    private final JdbcClient jdbc;

    SystemRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CameraSystem> ofOrganisation(long organisationId) {
        return jdbc.sql("select * from camera_system where organisation_id = ? order by name")
                .param(organisationId)
                .query(SystemRows::map)
                .list();
    }

    public Optional<CameraSystem> find(long id) {
        return jdbc.sql("select * from camera_system where id = ?")
                .param(id)
                .query(SystemRows::map)
                .optional();
    }

    public Optional<CameraSystem> findByName(long organisationId, String name) {
        return jdbc.sql("select * from camera_system where organisation_id = ? and lower(name) = lower(?)")
                .params(organisationId, name.trim())
                .query(SystemRows::map)
                .optional();
    }

    public long insert(long organisationId, CameraSystem system, Provenance provenance) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        Procurement p = system.procurement();
        jdbc.sql("""
                        insert into camera_system (organisation_id, name, operator, purpose, installer, recorder,
                            supplier, contract_reference, contract_date, contract_value,
                            provenance_kind, provenance_source, recorded_at, recorded_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        organisationId,
                        system.name(),
                        system.operator(),
                        system.purpose(),
                        system.installer(),
                        system.recorder(),
                        p.supplier(),
                        p.contractReference(),
                        Columns.sqlDate(p.contractDate()),
                        p.contractValue(),
                        provenance.kind().name(),
                        provenance.source(),
                        Columns.timestamp(provenance),
                        provenance.recordedBy())
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    public void update(long id, CameraSystem system, Provenance provenance) {
        Procurement p = system.procurement();
        jdbc.sql("""
                        update camera_system set name = ?, operator = ?, purpose = ?, installer = ?, recorder = ?,
                            supplier = ?, contract_reference = ?, contract_date = ?, contract_value = ?,
                            provenance_kind = ?, provenance_source = ?, recorded_at = ?, recorded_by = ?,
                            version = version + 1
                        where id = ?""")
                .params(
                        system.name(),
                        system.operator(),
                        system.purpose(),
                        system.installer(),
                        system.recorder(),
                        p.supplier(),
                        p.contractReference(),
                        Columns.sqlDate(p.contractDate()),
                        p.contractValue(),
                        provenance.kind().name(),
                        provenance.source(),
                        Columns.timestamp(provenance),
                        provenance.recordedBy(),
                        id)
                .update();
    }

    public void delete(long id) {
        jdbc.sql("delete from camera_system where id = ?").param(id).update();
    }

    static CameraSystem map(ResultSet rs, int row) throws SQLException {
        return new CameraSystem(
                rs.getLong("id"),
                rs.getLong("organisation_id"),
                rs.getString("name"),
                rs.getString("operator"),
                rs.getString("purpose"),
                rs.getString("installer"),
                rs.getString("recorder"),
                new Procurement(
                        rs.getString("supplier"),
                        rs.getString("contract_reference"),
                        Columns.date(rs, "contract_date"),
                        rs.getBigDecimal("contract_value")),
                Columns.provenance(rs));
    }
}
