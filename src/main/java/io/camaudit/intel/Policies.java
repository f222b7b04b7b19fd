package io.camaudit.intel;

import io.camaudit.audit.AuditLog;
import io.camaudit.intel.engine.CheckContext;
import io.camaudit.intel.engine.CheckResult;
import io.camaudit.intel.engine.Company;
import io.camaudit.intel.engine.DeviceEvidence;
import io.camaudit.intel.engine.DiligenceRecords;
import io.camaudit.intel.engine.IntelBundle;
import io.camaudit.intel.engine.Policy;
import io.camaudit.intel.engine.PolicyEngine;
import io.camaudit.intel.engine.Resolution;
import io.camaudit.intel.persistence.IntelRows;
import io.camaudit.intel.persistence.ResolutionRows;
import io.camaudit.register.Register;
import io.camaudit.shared.BadInputException;
import io.camaudit.shared.Viewer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Procurement policies in use: which one an organisation applies (the bundle's or its own), the
 * procurement check, and what the policy flags in an organisation's register.
 */
@Service
public class Policies {

    private final Intel intel;
    private final IntelRows rows;
    private final ResolutionRows resolutions;
    private final Register register;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectProvider<DiligenceRecords> diligence;

    Policies(
            Intel intel,
            IntelRows rows,
            ResolutionRows resolutions,
            Register register,
            AuditLog audit,
            Clock clock,
            ObjectProvider<DiligenceRecords> diligence) {
        this.diligence = diligence;
        this.intel = intel;
        this.rows = rows;
        this.resolutions = resolutions;
        this.register = register;
        this.audit = audit;
        this.clock = clock;
    }

    /** The due-diligence standings (from the due-diligence feature), or none where it is absent. */
    public DiligenceRecords diligence() {
        return diligence.getIfAvailable(DiligenceRecords::none);
    }

    /** The policy an organisation applies: its choice, or the bundle's default. */
    @Transactional(readOnly = true)
    public Policy policyOf(Viewer viewer, long organisationId) {
        register.organisation(viewer, organisationId);
        IntelBundle bundle = intel.bundle();
        return rows.organisationPolicy(organisationId)
                .flatMap(id -> policy(id, organisationId))
                .orElse(bundle.defaultPolicy());
    }

    /** The policies an organisation may choose: the bundle's, then its own. */
    @Transactional(readOnly = true)
    public List<Policy> policiesFor(Viewer viewer, long organisationId) {
        register.organisation(viewer, organisationId);
        List<Policy> policies = new java.util.ArrayList<>(intel.bundle().policies());
        rows.localPolicies(organisationId).forEach(row -> policies.add(toPolicy(row)));
        return policies;
    }

    /** A bundle policy, or one of this organisation's own ({@code local-<id>}). */
    private Optional<Policy> policy(String id, long organisationId) {
        if (id.startsWith(LOCAL_PREFIX)) {
            try {
                long local = Long.parseLong(id.substring(LOCAL_PREFIX.length()));
                return rows.localPolicy(local)
                        .filter(row -> row.organisationId() == organisationId)
                        .map(this::toPolicy);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return intel.bundle().policy(id);
    }

    /** Prefix of the ids of organisations' own policies. */
    public static final String LOCAL_PREFIX = "local-";

    private Policy toPolicy(IntelRows.LocalPolicyRow row) {
        String sourceId = "local-policy-" + row.id();
        io.camaudit.intel.engine.Source own = new io.camaudit.intel.engine.Source(
                sourceId,
                row.sourceTitle(),
                row.sourceUrl() == null ? "" : row.sourceUrl(),
                null,
                row.createdAt().toString().substring(0, 10),
                true);
        List<io.camaudit.intel.engine.PolicyRule> rules;
        String description = row.description();
        try {
            rules = Policy.parseRules(row.rules(), intel.bundle(), sourceId);
        } catch (IllegalArgumentException e) {
            // Written against an older bundle whose listing has gone: shown, but it flags nothing.
            rules = List.of();
            description = description + " (Its rules no longer read with intel "
                    + intel.bundle().version() + ": " + e.getMessage() + ")";
        }
        return new Policy(
                LOCAL_PREFIX + row.id(),
                row.name(),
                description,
                row.diligenceDeadlineDays(),
                false,
                rules,
                List.of(sourceId),
                row.createdAt().toString().substring(0, 10),
                List.of(own));
    }

    /** What an organisation's own policy says, as its officers write it. */
    public record PolicyDraft(
            String name,
            String description,
            String rules,
            int diligenceDeadlineDays,
            String sourceTitle,
            @Nullable String sourceUrl) {}

    /** Adds an organisation's own policy (its officers and administrators), checked before it is kept. */
    @Transactional
    public Policy createPolicy(Viewer viewer, long organisationId, PolicyDraft draft) {
        register.organisation(viewer, organisationId);
        viewer.requireWrite(organisationId, "Organisation " + organisationId);
        String name = draft.name() == null ? "" : draft.name().strip();
        String sourceTitle =
                draft.sourceTitle() == null ? "" : draft.sourceTitle().strip();
        String sourceUrl = draft.sourceUrl() == null || draft.sourceUrl().isBlank()
                ? null
                : draft.sourceUrl().strip();
        String description =
                draft.description() == null ? "" : draft.description().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new BadInputException("Enter the policy's name (at most 200 characters)");
        }
        if (description.length() > 2000) {
            throw new BadInputException("The description may be at most 2,000 characters");
        }
        if (sourceTitle.isEmpty() || sourceTitle.length() > 300) {
            throw new BadInputException("Name the document the policy comes from (at most 300 characters)");
        }
        if (sourceUrl != null && (sourceUrl.length() > 500 || !sourceUrl.matches("https?://\\S+"))) {
            throw new BadInputException("The document's address must start with https:// or http://");
        }
        if (draft.diligenceDeadlineDays() < 1 || draft.diligenceDeadlineDays() > 3650) {
            throw new BadInputException("The due-diligence deadline must be 1 to 3,650 days");
        }
        String rulesText = draft.rules() == null ? "" : draft.rules();
        if (rulesText.length() > 20_000) {
            throw new BadInputException("The rules may be at most 20,000 characters");
        }
        try {
            Policy.parseRules(rulesText, intel.bundle(), "check");
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        long id = rows.insertLocalPolicy(
                organisationId,
                name,
                description,
                rulesText.strip(),
                draft.diligenceDeadlineDays(),
                sourceTitle,
                sourceUrl,
                viewer.username(),
                Instant.now(clock));
        Policy policy = toPolicy(rows.localPolicy(id).orElseThrow());
        audit.record(
                viewer.username(),
                "CREATE_POLICY",
                "local_policy",
                id,
                organisationId,
                "Added the organisation's own policy \u201c" + name + "\u201d",
                null,
                java.util.Map.of("name", name, "rules", rulesText.strip(), "source", sourceTitle));
        return policy;
    }

    /** Sets the policy an organisation applies; its officers and administrators may. */
    @Transactional
    public Policy choosePolicy(Viewer viewer, long organisationId, String policyId) {
        register.organisation(viewer, organisationId);
        viewer.requireWrite(organisationId, "Organisation " + organisationId);
        Policy policy = policy(policyId, organisationId)
                .orElseThrow(() -> new BadInputException("There is no policy \"" + policyId + "\""));
        String before = rows.organisationPolicy(organisationId)
                .orElse(intel.bundle().defaultPolicy().id());
        rows.setOrganisationPolicy(organisationId, policy.id(), viewer.username(), Instant.now(clock));
        audit.record(
                viewer.username(),
                "CHOOSE_POLICY",
                "organisation",
                organisationId,
                organisationId,
                "Chose the procurement policy \u201c" + policy.name() + "\u201d",
                java.util.Map.of("policy", before),
                java.util.Map.of("policy", policy.id()));
        return policy;
    }

    /**
     * The procurement check: resolves the supplier, brand or product string and applies the policy
     * named, else the viewer's organisation's, else the default.
     */
    @Transactional(readOnly = true)
    public CheckResult check(Viewer viewer, String subject, @Nullable String policyId, boolean sensitiveSite) {
        String text = subject.strip();
        if (text.isEmpty()) {
            throw new BadInputException("Enter a supplier, brand or product to check");
        }
        if (text.length() > 300) {
            throw new BadInputException("Enter at most 300 characters to check");
        }
        Intel.Snapshot current = intel.snapshot();
        Policy policy;
        if (policyId != null && !policyId.isBlank()) {
            String id = policyId.strip();
            Optional<Policy> found = current.bundle().policy(id);
            if (found.isEmpty() && id.startsWith(LOCAL_PREFIX)) {
                // Another organisation's own policy is as invisible as the rest of its data.
                found = localPolicyReadableBy(viewer, id);
            }
            policy = found.orElseThrow(() -> new BadInputException("There is no policy \"" + id + "\""));
        } else if (viewer.organisationId() != null) {
            policy = policyOf(viewer, viewer.organisationId());
        } else {
            policy = current.bundle().defaultPolicy();
        }
        Resolution resolution = current.resolver().resolve(DeviceEvidence.ofText(text));
        return new PolicyEngine(current.bundle(), diligence())
                .check(text, resolution, policy, new CheckContext(sensitiveSite, LocalDate.now(clock)));
    }

    /**
     * What the organisation's policy flags among its in-service devices, by site and maker. Devices
     * not yet resolved (just imported, or awaiting a new bundle) are counted as pending.
     */
    @Transactional(readOnly = true)
    public OrganisationFlags flags(Viewer viewer, long organisationId) {
        register.organisation(viewer, organisationId);
        Intel.Snapshot current = intel.snapshot();
        IntelBundle bundle = current.bundle();
        Policy policy = policyOf(viewer, organisationId);
        java.util.Map<Long, io.camaudit.register.Site> sites = new java.util.HashMap<>();
        register.sites(viewer, organisationId).forEach(site -> sites.put(site.id(), site));
        PolicyEngine engine = new PolicyEngine(bundle, diligence());
        LocalDate today = LocalDate.now(clock);
        List<Flag> flags = new java.util.ArrayList<>();
        for (ResolutionRows.MakerCount count : resolutions.makersBySite(organisationId)) {
            io.camaudit.register.Site site = count.siteId() == null ? null : sites.get(count.siteId());
            boolean sensitive = site != null && site.sensitive();
            String makerName = count.maker() == null
                    ? "Unknown maker"
                    : bundle.company(count.maker()).map(Company::name).orElse(count.maker());
            Resolution stub = new Resolution(
                    count.maker(),
                    makerName,
                    count.soldAs(),
                    null,
                    count.maker() == null ? 0 : 1,
                    List.of(),
                    bundle.version().text());
            CheckResult result = engine.check(makerName, stub, policy, new CheckContext(sensitive, today));
            flags.add(new Flag(
                    count.siteId(),
                    site == null ? "No site" : site.name(),
                    sensitive,
                    count.maker(),
                    makerName,
                    count.soldAs(),
                    count.devices(),
                    result.verdict(),
                    result.reasons()));
        }
        flags.sort(Comparator.comparing((Flag f) -> f.verdict().ordinal())
                .reversed()
                .thenComparing(Flag::siteName)
                .thenComparing(Comparator.comparingLong(Flag::devices).reversed()));
        return new OrganisationFlags(
                organisationId,
                policy,
                List.copyOf(flags),
                resolutions.unresolvedCount(organisationId, current.resolverVersion()),
                bundle.version().text());
    }

    private Optional<Policy> localPolicyReadableBy(Viewer viewer, String id) {
        try {
            return rows.localPolicy(Long.parseLong(id.substring(LOCAL_PREFIX.length())))
                    .filter(row -> viewer.canRead(row.organisationId()))
                    .map(this::toPolicy);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
