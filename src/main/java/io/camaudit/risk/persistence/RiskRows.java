package io.camaudit.risk.persistence;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A read model of a body's in-service devices for the risk scores (it writes nothing). */
@Repository
public class RiskRows {

    public record DeviceRow(
            long id,
            @Nullable Long siteId,
            @Nullable String site,
            @Nullable String siteKind,
            boolean sensitive,
            @Nullable String manufacturer,
            @Nullable String model,
            @Nullable String maker) {}

    private final JdbcClient jdbc;

    RiskRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<DeviceRow> devices(long organisationId) {
        return devices(organisationId, null);
    }

    /** The body's in-service devices, or only the one given (for a device's own page). */
    public List<DeviceRow> devices(long organisationId, @Nullable Long only) {
        return jdbc.sql("select d.id, d.site_id, s.name, s.kind, s.sensitive, d.manufacturer, d.model, r.maker"
                        + " from device d left join site s on s.id = d.site_id"
                        + " left join device_resolution r on r.device_id = d.id"
                        + " where d.organisation_id = ? and d.status = 'IN_SERVICE'"
                        + (only == null ? "" : " and d.id = ?") + " order by d.id")
                .params(only == null ? List.of(organisationId) : List.of(organisationId, only))
                .query((rs, n) -> {
                    long site = rs.getLong(2);
                    Long siteId = rs.wasNull() ? null : site;
                    return new DeviceRow(
                            rs.getLong(1),
                            siteId,
                            rs.getString(3),
                            rs.getString(4),
                            rs.getBoolean(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8));
                })
                .list();
    }
}
