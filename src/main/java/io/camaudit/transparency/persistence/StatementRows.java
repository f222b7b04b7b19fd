package io.camaudit.transparency.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Published statements (written once, never updated); and the counts a statement is drawn from: a
 * body's in-service devices by kind of place and by resolved maker, and when its network records
 * were last analysed (read from the audit log).
 */
@Repository
public class StatementRows {

    public record Published(long organisationId, int version, Instant publishedAt, String publishedBy, String body) {}

    public record PlaceCount(@Nullable String kind, long devices) {}

    public record MakerCount(@Nullable String maker, long devices) {}

    private final JdbcClient jdbc;

    StatementRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public int latestVersion(long organisationId) {
        return jdbc.sql("select coalesce(max(version), 0) from transparency_statement where organisation_id = ?")
                .param(organisationId)
                .query(Integer.class)
                .single();
    }

    public void insert(long organisationId, int version, Instant at, String by, String body) {
        jdbc.sql("insert into transparency_statement (organisation_id, version, published_at, published_by, body)"
                        + " values (?, ?, ?, ?, ?)")
                .params(organisationId, version, Timestamp.from(at), by, body)
                .update();
    }

    public Optional<Published> version(long organisationId, int version) {
        return jdbc.sql("select * from transparency_statement where organisation_id = ? and version = ?")
                .params(organisationId, version)
                .query((rs, n) -> new Published(
                        rs.getLong("organisation_id"),
                        rs.getInt("version"),
                        rs.getTimestamp("published_at").toInstant(),
                        rs.getString("published_by"),
                        rs.getString("body")))
                .optional();
    }

    /** Every published version of a body, newest first (without their bodies). */
    public List<Published> versions(long organisationId) {
        return jdbc.sql("select organisation_id, version, published_at, published_by from transparency_statement"
                        + " where organisation_id = ? order by version desc")
                .param(organisationId)
                .query((rs, n) -> new Published(
                        rs.getLong(1), rs.getInt(2), rs.getTimestamp(3).toInstant(), rs.getString(4), ""))
                .list();
    }

    /** The bodies with a published statement: id, latest version and when, newest first. */
    public List<Published> latestOfEach() {
        return jdbc.sql(
                        "select t.organisation_id, t.version, t.published_at, t.published_by from transparency_statement t"
                                + " where t.version = (select max(x.version) from transparency_statement x"
                                + " where x.organisation_id = t.organisation_id) order by t.published_at desc")
                .query((rs, n) -> new Published(
                        rs.getLong(1), rs.getInt(2), rs.getTimestamp(3).toInstant(), rs.getString(4), ""))
                .list();
    }

    public List<PlaceCount> byPlace(long organisationId) {
        return jdbc.sql("select s.kind, count(*) from device d left join site s on s.id = d.site_id"
                        + " where d.organisation_id = ? and d.status = 'IN_SERVICE' group by s.kind")
                .param(organisationId)
                .query((rs, n) -> new PlaceCount(rs.getString(1), rs.getLong(2)))
                .list();
    }

    public List<MakerCount> byMaker(long organisationId) {
        return jdbc.sql("select r.maker, count(*) from device d left join device_resolution r on r.device_id = d.id"
                        + " where d.organisation_id = ? and d.status = 'IN_SERVICE' group by r.maker")
                .param(organisationId)
                .query((rs, n) -> new MakerCount(rs.getString(1), rs.getLong(2)))
                .list();
    }

    public @Nullable Instant lastEgressAnalysis(long organisationId) {
        return jdbc.sql("select max(occurred_at) from audit_event where entity_type = 'egress_ingest'"
                        + " and organisation_id = ?")
                .param(organisationId)
                .query((rs, n) -> {
                    Timestamp t = rs.getTimestamp(1);
                    return t == null ? Instant.EPOCH : t.toInstant();
                })
                .optional()
                .filter(t -> !t.equals(Instant.EPOCH))
                .orElse(null);
    }
}
