package io.camaudit.intel;

import io.camaudit.audit.AuditLog;
import io.camaudit.intel.engine.BundleReader;
import io.camaudit.intel.engine.BundleVersion;
import io.camaudit.intel.engine.Company;
import io.camaudit.intel.engine.DeviceEvidence;
import io.camaudit.intel.engine.IntelBundle;
import io.camaudit.intel.engine.IntelBundleException;
import io.camaudit.intel.engine.MacRegistry;
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
 * the administrators' mappings and the resolver built from them, replaced together so that no
 * resolution mixes two versions; and the devices' stored resolutions and review queue. What the
 * policies make of it is {@link Policies}.
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

    /** The bundle, the resolver built from it and their version, taken together. */
    public record Snapshot(IntelBundle bundle, Resolver resolver, String resolverVersion) {}

    public Snapshot snapshot() {
        State current = state();
        return new Snapshot(current.bundle(), current.resolver(), current.resolverVersion());
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
