package io.camaudit.intel;

import io.camaudit.audit.AuditLog;
import io.camaudit.intel.engine.BundleReader;
import io.camaudit.intel.engine.BundleVersion;
import io.camaudit.intel.engine.CheckContext;
import io.camaudit.intel.engine.CheckResult;
import io.camaudit.intel.engine.Company;
import io.camaudit.intel.engine.DeviceEvidence;
import io.camaudit.intel.engine.DiligenceRecords;
import io.camaudit.intel.engine.IntelBundle;
import io.camaudit.intel.engine.IntelBundleException;
import io.camaudit.intel.engine.MacRegistry;
import io.camaudit.intel.engine.Policy;
import io.camaudit.intel.engine.PolicyEngine;
import io.camaudit.intel.engine.Resolution;
import io.camaudit.intel.engine.Resolver;
import io.camaudit.intel.persistence.IntelRows;
import io.camaudit.intel.persistence.ResolutionRows;
import io.camaudit.register.Register;
import io.camaudit.shared.BadInputException;
import io.camaudit.shared.ConflictException;
import io.camaudit.shared.ForbiddenException;
import io.camaudit.shared.Viewer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The intel the service uses: the newest bundle it has (built in or imported), the MAC registries,
 * the administrators' mappings, and the checks made with them. The bundle, resolver and registries
 * are replaced together, so a check never mixes two versions.
 */
@Service
public class Intel {

    private static final Logger LOG = LoggerFactory.getLogger(Intel.class);

    /** Where Debian's ieee-data package installs the IEEE registries. */
    public static final Path DEBIAN_IEEE_DATA = Path.of("/usr/share/ieee-data");

    /** The registry files a refresh copies. */
    private static final List<String> IEEE_FILES = List.of("oui.csv", "mam.csv", "oui36.csv", "iab.csv", ".lastupdate");

    private final IntelRows rows;
    private final ResolutionRows resolutions;
    private final Register register;
    private final AuditLog audit;
    private final Clock clock;
    private final Path ieeeCopy;
    private final org.springframework.context.ApplicationEventPublisher events;
    private volatile @Nullable State state;

    /**
     * One consistent set: a bundle, the registries, the administrators' mappings and the resolver
     * built from them, with a version naming all three (what a device's annotation records).
     */
    private record State(
            IntelBundle bundle,
            MacRegistry macs,
            @Nullable Path macSource,
            Resolver resolver,
            String resolverVersion) {}

    Intel(
            IntelRows rows,
            ResolutionRows resolutions,
            Register register,
            AuditLog audit,
            Clock clock,
            @Value("${camaudit.data-dir}") Path dataDir,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.rows = rows;
        this.resolutions = resolutions;
        this.register = register;
        this.audit = audit;
        this.clock = clock;
        this.ieeeCopy = dataDir.resolve("ieee");
    }

    /**
     * Loads the newest bundle, storing the built-in one first if it is newer than any stored (so
     * that every version the service has used stays on record).
     */
    @Transactional
    public synchronized void initialise() {
        IntelBundle builtIn = BundleReader.builtIn();
        Optional<BundleVersion> stored = newestStoredVersion();
        if (stored.map(builtIn.version()::isNewerThan).orElse(true)) {
            rows.storeBundle(builtIn, "built-in", "camaudit", now());
            audit.recordAlone(
                    "camaudit",
                    "INTEL_BUNDLE",
                    "intel_bundle",
                    null,
                    "Loaded the built-in intel bundle " + builtIn.version());
        }
        // Built on first use: a command that never resolves anything does not load the MAC registries.
        state = null;
    }

    private Optional<BundleVersion> newestStoredVersion() {
        return rows.bundles().stream().map(b -> new BundleVersion(b.version())).max(Comparator.naturalOrder());
    }

    private void rebuild(IntelBundle bundle) {
        Path source = Files.isRegularFile(ieeeCopy.resolve("oui.csv"))
                ? ieeeCopy
                : Files.isRegularFile(DEBIAN_IEEE_DATA.resolve("oui.csv")) ? DEBIAN_IEEE_DATA : null;
        MacRegistry macs = MacRegistry.empty();
        if (source != null) {
            try {
                macs = MacRegistry.load(source);
            } catch (IOException e) {
                LOG.warn(
                        "The IEEE registries in {} could not be read ({}); MAC addresses are not looked up",
                        source,
                        e.getMessage());
                source = null;
            }
        }
        List<io.camaudit.intel.engine.LocalMapping> mappings = rows.localMappings();
        // The bundle version, then how many mappings and which registry snapshot: a change to any of
        // them makes every annotation stale.
        String version = bundle.version().text() + "+m" + mappings.size() + "+i"
                + macs.lastUpdate().orElse("0");
        state = new State(bundle, macs, source, new Resolver(bundle, mappings, macs), version);
    }

    private State state() {
        State current = state;
        if (current == null) {
            synchronized (this) {
                if (state == null) {
                    BundleVersion newest = newestStoredVersion().orElse(null);
                    rebuild(newest == null ? BundleReader.builtIn() : BundleReader.read(rows.files(newest.text())));
                }
                current = state;
            }
        }
        return java.util.Objects.requireNonNull(current);
    }

    public IntelBundle bundle() {
        return state().bundle();
    }

    public Resolver resolver() {
        return state().resolver();
    }

    /**
     * The version devices are annotated with: the bundle version, the number of administrators'
     * mappings and the MAC registry snapshot ("2026.11.22.1+m3+i1661630937").
     */
    public String resolverVersion() {
        return state().resolverVersion();
    }

    public MacRegistry macs() {
        return state().macs();
    }

    public Optional<Path> macSource() {
        return Optional.ofNullable(state().macSource());
    }

    public List<StoredBundle> history() {
        return rows.bundles().stream()
                .sorted(Comparator.comparing((StoredBundle b) -> new BundleVersion(b.version()))
                        .reversed())
                .toList();
    }

    public Resolution resolve(DeviceEvidence evidence) {
        return resolver().resolve(evidence);
    }

    /** The policy an organisation applies: its choice, or the bundle's default. */
    @Transactional(readOnly = true)
    public Policy policyOf(Viewer viewer, long organisationId) {
        register.organisation(viewer, organisationId);
        IntelBundle bundle = bundle();
        return rows.organisationPolicy(organisationId)
                .flatMap(id -> policy(id, organisationId))
                .orElse(bundle.defaultPolicy());
    }

    /** The policies an organisation may choose: the bundle's, then its own. */
    @Transactional(readOnly = true)
    public List<Policy> policiesFor(Viewer viewer, long organisationId) {
        register.organisation(viewer, organisationId);
        List<Policy> policies = new java.util.ArrayList<>(bundle().policies());
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
        return bundle().policy(id);
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
            rules = Policy.parseRules(row.rules(), bundle(), sourceId);
        } catch (IllegalArgumentException e) {
            // Written against an older bundle whose listing has gone: shown, but it flags nothing.
            rules = List.of();
            description = description + " (Its rules no longer read with intel " + bundle().version() + ": "
                    + e.getMessage() + ")";
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
            Policy.parseRules(rulesText, bundle(), "check");
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
                now());
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
                .orElse(bundle().defaultPolicy().id());
        rows.setOrganisationPolicy(organisationId, policy.id(), viewer.username(), now());
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
        State current = state();
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
        return new PolicyEngine(current.bundle(), DiligenceRecords.none())
                .check(text, resolution, policy, new CheckContext(sensitiveSite, LocalDate.now(clock)));
    }

    /**
     * What the organisation's policy flags among its in-service devices, by site and maker. Devices
     * not yet resolved (just imported, or awaiting a new bundle) are counted as pending.
     */
    @Transactional(readOnly = true)
    public OrganisationFlags flags(Viewer viewer, long organisationId) {
        register.organisation(viewer, organisationId);
        State current = state();
        IntelBundle bundle = current.bundle();
        Policy policy = policyOf(viewer, organisationId);
        java.util.Map<Long, io.camaudit.register.Site> sites = new java.util.HashMap<>();
        register.sites(viewer, organisationId).forEach(site -> sites.put(site.id(), site));
        PolicyEngine engine = new PolicyEngine(bundle, DiligenceRecords.none());
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

    /** A device's stored resolution, if it has one (read through the register's own rules). */
    @Transactional(readOnly = true)
    public Optional<ResolutionRows.Stored> resolutionOf(Viewer viewer, long deviceId) {
        register.device(viewer, deviceId);
        return resolutions.forDevice(deviceId);
    }

    /** The strings behind devices that need review, across the register; administrators and auditors. */
    @Transactional(readOnly = true)
    public List<ResolutionRows.ReviewRow> reviewQueue(Viewer viewer, int limit) {
        if (!viewer.seesEverything()) {
            throw new ForbiddenException(viewer.username() + " may not see the national review queue");
        }
        return resolutions.reviewQueue(limit);
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

    /** Loads a newer bundle (a folder or a zip of its files); administrators only. */
    @Transactional
    public IntelBundle importBundle(Viewer viewer, Path path) {
        requireAdministrator(viewer, "import an intel bundle");
        IntelBundle bundle;
        try {
            bundle = BundleReader.fromPath(path);
        } catch (IntelBundleException e) {
            throw new BadInputException(e.getMessage());
        }
        IntelBundle current = bundle();
        if (!bundle.version().isNewerThan(current.version())) {
            throw new ConflictException("Bundle " + bundle.version() + " is not newer than the one in use ("
                    + current.version() + "); raise its version to load it");
        }
        rows.storeBundle(bundle, "imported", viewer.username(), now());
        audit.recordAlone(
                viewer.username(),
                "INTEL_BUNDLE",
                "intel_bundle",
                null,
                "Imported intel bundle " + bundle.version() + " (was " + current.version() + ")");
        rebuild(bundle);
        events.publishEvent(new IntelChanged(bundle.version().text()));
        return bundle;
    }

    /** A stored bundle by version, to compare with another. */
    @Transactional(readOnly = true)
    public IntelBundle storedBundle(String version) {
        if (!rows.hasBundle(version)) {
            throw new io.camaudit.shared.NotFoundException("Intel bundle " + version);
        }
        return BundleReader.read(rows.files(version));
    }

    /**
     * Copies the IEEE registry files from a folder (by default Debian's, after
     * {@code apt-get install --only-upgrade ieee-data} or {@code update-ieee-data}) into the data
     * folder, after checking that they read, and uses them from now on.
     */
    public synchronized MacRegistry refreshMacRegistry(Viewer viewer, Path from) {
        requireAdministrator(viewer, "refresh the MAC registries");
        MacRegistry fresh;
        try {
            fresh = MacRegistry.load(from);
            Path staging = Files.createDirectories(ieeeCopy.resolveSibling("ieee.staging"));
            for (String name : IEEE_FILES) {
                Path file = from.resolve(name);
                if (Files.isRegularFile(file)) {
                    Files.copy(file, staging.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            if (Files.isDirectory(ieeeCopy)) {
                try (var old = Files.list(ieeeCopy)) {
                    for (Path file : old.toList()) {
                        Files.delete(file);
                    }
                }
                Files.delete(ieeeCopy);
            }
            Files.move(staging, ieeeCopy, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new BadInputException(
                    "The MAC registries could not be refreshed from " + from + ": " + e.getMessage());
        }
        audit.recordAlone(
                viewer.username(),
                "MAC_REGISTRY",
                "intel",
                null,
                "Refreshed the IEEE MAC registries from " + from + " (" + fresh.count(MacRegistry.Kind.MA_L) + " MA-L, "
                        + fresh.count(MacRegistry.Kind.MA_M) + " MA-M, " + fresh.count(MacRegistry.Kind.MA_S)
                        + " MA-S blocks)");
        rebuild(bundle());
        events.publishEvent(new IntelChanged(bundle().version().text()));
        return fresh;
    }

    /** Records an administrator's mapping from the review queue and resolves with it from now on. */
    @Transactional
    public void confirmMapping(Viewer viewer, String text, String companyId, String evidence) {
        requireAdministrator(viewer, "confirm a mapping");
        Company company = bundle().company(companyId)
                .orElseThrow(() -> new BadInputException("There is no company \"" + companyId + "\" in the intel"));
        if (text.isBlank() || text.length() > 300) {
            throw new BadInputException("The text to map must be 1 to 300 characters");
        }
        if (evidence.isBlank() || evidence.length() > 1000) {
            throw new BadInputException("Say what the mapping rests on (1 to 1,000 characters)");
        }
        long id = rows.saveLocalMapping(text.strip(), company.id(), viewer.username(), evidence.strip(), now());
        audit.recordAlone(
                viewer.username(),
                "CONFIRM_MAPPING",
                "intel_local_mapping",
                id,
                "Confirmed that \u201c" + text.strip() + "\u201d means " + company.name() + ": " + evidence.strip());
        rebuild(bundle());
        events.publishEvent(new IntelChanged(bundle().version().text()));
    }

    private static void requireAdministrator(Viewer viewer, String what) {
        if (!viewer.isAdministrator()) {
            throw new ForbiddenException(viewer.username() + " may not " + what);
        }
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
