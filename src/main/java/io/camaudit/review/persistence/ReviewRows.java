package io.camaudit.review.persistence;

import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A read model of the register for the national review: every body with its sector and region,
 * and its in-service devices counted by resolved maker and the brand sold (kept in {@code
 * review_count}, the only table it writes).
 */
@Repository
public class ReviewRows {

    public record BodyRow(long id, String name, String sector, String region) {}

    public record CountRow(
            long organisationId,
            @Nullable String maker,
            @Nullable String brand,
            long devices) {}

    private final JdbcClient jdbc;

    ReviewRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void bodies(Consumer<BodyRow> out) {
        jdbc
                .sql("select id, name, sector, region from organisation order by id")
                .query((rs, n) -> new BodyRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .stream()
                .forEach(out);
    }

    /** In-service devices per body, resolved maker and brand, as last counted: one row a combination. */
    public void counts(Consumer<CountRow> out) {
        jdbc
                .sql("select organisation_id, maker, sold_as, devices from review_count")
                .query((rs, n) -> new CountRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .stream()
                .forEach(out);
    }

    private static final String COUNT = "insert into review_count (organisation_id, maker, sold_as, devices)"
            + " select d.organisation_id, r.maker, r.sold_as, count(*) from device d"
            + " left join device_resolution r on r.device_id = d.id where d.status = 'IN_SERVICE'";

    /** Counts one body's devices again. */
    public void recount(long organisationId) {
        jdbc.sql("delete from review_count where organisation_id = ?")
                .param(organisationId)
                .update();
        jdbc.sql(COUNT + " and d.organisation_id = ? group by d.organisation_id, r.maker, r.sold_as")
                .param(organisationId)
                .update();
    }

    /** Counts every body's devices again. */
    public void recountAll() {
        jdbc.sql("delete from review_count").update();
        jdbc.sql(COUNT + " group by d.organisation_id, r.maker, r.sold_as").update();
    }

    /** Egress alerts across every body, by rule title and status: alerts and the bodies they were raised in. */
    public record AlertCount(String title, String status, long alerts, long bodies) {}

    public java.util.List<AlertCount> egressAlerts() {
        return jdbc.sql("select title, status, count(*), count(distinct organisation_id) from egress_alert"
                        + " group by title, status order by title, status")
                .query((rs, n) -> new AlertCount(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    /** Every remediation action's changes of state across every body, in date order. */
    public record Change(long action, java.time.LocalDate on, String status) {}

    public java.util.List<Change> remediationChanges() {
        return jdbc.sql("select action_id, changed_on, status from remediation_change order by changed_on, id")
                .query((rs, n) -> new Change(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getString(3)))
                .list();
    }
}
