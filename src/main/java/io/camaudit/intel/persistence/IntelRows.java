package io.camaudit.intel.persistence;

import io.camaudit.intel.StoredBundle;
import io.camaudit.intel.engine.IntelBundle;
import io.camaudit.intel.engine.LocalMapping;
import io.camaudit.intel.engine.Names;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The intel tables. */
@Repository
public class IntelRows {

    private final JdbcClient jdbc;

    IntelRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<StoredBundle> bundles() {
        return jdbc.sql("select version, title, compiled, origin, loaded_by, loaded_at from intel_bundle")
                .query((rs, n) -> new StoredBundle(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }

    public boolean hasBundle(String version) {
        return jdbc.sql("select count(*) from intel_bundle where version = ?")
                        .param(version)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public void storeBundle(IntelBundle bundle, String origin, String loadedBy, Instant at) {
        String version = bundle.version().text();
        jdbc.sql(
                        "insert into intel_bundle (version, title, compiled, origin, loaded_by, loaded_at) values (?, ?, ?, ?, ?, ?)")
                .params(version, bundle.title(), bundle.compiled(), origin, loadedBy, Timestamp.from(at))
                .update();
        for (Map.Entry<String, byte[]> file : bundle.files().entrySet()) {
            jdbc.sql("insert into intel_bundle_file (version, name, content) values (?, ?, ?)")
                    .params(version, file.getKey(), new String(file.getValue(), StandardCharsets.UTF_8))
                    .update();
        }
    }

    public Map<String, byte[]> files(String version) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        jdbc.sql("select name, content from intel_bundle_file where version = ? order by name")
                .param(version)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .forEach(e -> files.put(e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8)));
        return files;
    }

    public List<LocalMapping> localMappings() {
        return jdbc.sql("select text, company_id, author, evidence, recorded_at from intel_local_mapping order by id")
                .query((rs, n) -> new LocalMapping(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant().toString().substring(0, 10)))
                .list();
    }

    /** Adds or replaces the mapping for a string (compared as the resolver compares it). */
    public long saveLocalMapping(String text, String companyId, String author, String evidence, Instant at) {
        String key = Names.squash(text);
        jdbc.sql("delete from intel_local_mapping where text_key = ?")
                .param(key)
                .update();
        jdbc.sql("insert into intel_local_mapping (text_key, text, company_id, author, evidence, recorded_at)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(key, text, companyId, author, evidence, Timestamp.from(at))
                .update();
        return jdbc.sql("select id from intel_local_mapping where text_key = ?")
                .param(key)
                .query(Long.class)
                .single();
    }

    public Optional<String> organisationPolicy(long organisationId) {
        return jdbc.sql("select policy_id from organisation_policy where organisation_id = ?")
                .param(organisationId)
                .query(String.class)
                .optional();
    }

    public void setOrganisationPolicy(long organisationId, String policyId, String chosenBy, Instant at) {
        jdbc.sql("delete from organisation_policy where organisation_id = ?")
                .param(organisationId)
                .update();
        jdbc.sql(
                        "insert into organisation_policy (organisation_id, policy_id, chosen_by, chosen_at) values (?, ?, ?, ?)")
                .params(organisationId, policyId, chosenBy, Timestamp.from(at))
                .update();
    }

    /** An organisation's own policy as stored. */
    public record LocalPolicyRow(
            long id,
            long organisationId,
            String name,
            String description,
            String rules,
            int diligenceDeadlineDays,
            String sourceTitle,
            @org.jspecify.annotations.Nullable String sourceUrl,
            String createdBy,
            Instant createdAt) {}

    public long insertLocalPolicy(
            long organisationId,
            String name,
            String description,
            String rules,
            int deadlineDays,
            String sourceTitle,
            @org.jspecify.annotations.Nullable String sourceUrl,
            String createdBy,
            Instant at) {
        org.springframework.jdbc.support.GeneratedKeyHolder key =
                new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into local_policy (organisation_id, name, description, rules, diligence_deadline_days,"
                        + " source_title, source_url, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        organisationId,
                        name,
                        description,
                        rules,
                        deadlineDays,
                        sourceTitle,
                        sourceUrl,
                        createdBy,
                        Timestamp.from(at))
                .update(key, "id");
        return java.util.Objects.requireNonNull(key.getKey()).longValue();
    }

    public List<LocalPolicyRow> localPolicies(long organisationId) {
        return jdbc.sql(LOCAL_POLICY + " where organisation_id = ? order by id")
                .param(organisationId)
                .query((rs, n) -> localPolicy(rs))
                .list();
    }

    public Optional<LocalPolicyRow> localPolicy(long id) {
        return jdbc.sql(LOCAL_POLICY + " where id = ?")
                .param(id)
                .query((rs, n) -> localPolicy(rs))
                .optional();
    }

    private static final String LOCAL_POLICY = "select id, organisation_id, name, description, rules,"
            + " diligence_deadline_days, source_title, source_url, created_by, created_at from local_policy";

    private static LocalPolicyRow localPolicy(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new LocalPolicyRow(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getInt(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getTimestamp(10).toInstant());
    }
}
