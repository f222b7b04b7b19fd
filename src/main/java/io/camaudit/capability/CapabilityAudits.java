package io.camaudit.capability;

import io.camaudit.audit.AuditLog;
import io.camaudit.capability.engine.AuditChanges;
import io.camaudit.capability.engine.AuditCredentials;
import io.camaudit.capability.engine.CapabilityAudit;
import io.camaudit.capability.engine.DeviceAudit;
import io.camaudit.capability.engine.Document;
import io.camaudit.capability.engine.Evidence;
import io.camaudit.capability.engine.Feature;
import io.camaudit.capability.engine.FeatureState;
import io.camaudit.capability.engine.Indicators;
import io.camaudit.capability.engine.Tristate;
import io.camaudit.capability.engine.Vulnerabilities;
import io.camaudit.capability.engine.VulnerabilityMatch;
import io.camaudit.capability.persistence.CapabilityRows;
import io.camaudit.discovery.Surveys;
import io.camaudit.discovery.engine.Fingerprints;
import io.camaudit.discovery.engine.Identifier;
import io.camaudit.discovery.engine.Scope;
import io.camaudit.discovery.engine.ScopedNetwork;
import io.camaudit.discovery.engine.Survey;
import io.camaudit.discovery.engine.SurveySettings;
import io.camaudit.intel.Intel;
import io.camaudit.register.Organisation;
import io.camaudit.register.Register;
import io.camaudit.shared.BadInputException;
import io.camaudit.shared.ConflictException;
import io.camaudit.shared.NotFoundException;
import io.camaudit.shared.Viewer;
import java.net.Inet4Address;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Capability audits run by the service for a body: within the network ranges an administrator
 * permitted for its surveys, with the read-only accounts its officers gave (for a device, a site
 * or the whole body, kept encrypted), each device's matrix set beside what the register declares
 * and beside the device's previous audit. Audits may repeat on a schedule. Every change is
 * audit-logged; no password is ever logged, shown or returned.
 */
@Service
public class CapabilityAudits {

    /** Audits running at once across the service, as for surveys. */
    static final int RUNNING_AT_ONCE = 2;

    private static final Logger LOG = LoggerFactory.getLogger(CapabilityAudits.class);
    private static final String LETTERS = "UODPNA?";

    private final CapabilityRows rows;
    private final Register register;
    private final Surveys surveys;
    private final Intel intel;
    private final AuditLog audit;
    private final SecretBox secrets;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final boolean scheduled;
    private final Indicators indicators = Indicators.bundled();
    private final Vulnerabilities vulnerabilities = Vulnerabilities.bundled();
    private final Fingerprints fingerprints = Fingerprints.bundled();
    private final ExecutorService runner = Executors.newFixedThreadPool(RUNNING_AT_ONCE, r -> {
        Thread t = new Thread(r, "capability-audit");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "capability-schedule");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, CapabilityAudit> running = new ConcurrentHashMap<>();
    private final AtomicInteger slots = new AtomicInteger();

    CapabilityAudits(
            CapabilityRows rows,
            Register register,
            Surveys surveys,
            Intel intel,
            AuditLog audit,
            SecretBox secrets,
            JsonMapper json,
            Clock clock,
            PlatformTransactionManager transactions,
            @Value("${camaudit.scheduled-audits:true}") boolean scheduled) {
        this.rows = rows;
        this.register = register;
        this.surveys = surveys;
        this.intel = intel;
        this.audit = audit;
        this.secrets = secrets;
        this.json = json;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactions);
        this.scheduled = scheduled;
        int interrupted = rows.markInterrupted(Instant.now(clock));
        if (interrupted > 0) {
            LOG.warn(
                    "{} capability audits were running when the service last stopped; marked interrupted", interrupted);
        }
    }

    public Indicators indicators() {
        return indicators;
    }

    public Vulnerabilities vulnerabilities() {
        return vulnerabilities;
    }

    // -- credentials ------------------------------------------------------------------------------

    public List<CredentialView> credentials(Viewer viewer, long organisationId) {
        register.organisation(viewer, organisationId);
        return rows.credentials(organisationId).stream().map(this::view).toList();
    }

    /**
     * Keeps a read-only account for one device, a site, or (neither given) every device of the body.
     * The password is sealed at once; the audit log names the account and what it applies to, never the password.
     */
    public long addCredential(
            Viewer viewer,
            long organisationId,
            @Nullable Long siteId,
            @Nullable Long deviceId,
            String username,
            String password) {
        Organisation organisation = register.organisation(viewer, organisationId);
        viewer.requireWrite(organisationId, "Organisation " + organisationId);
        if (siteId != null && deviceId != null) {
            throw new BadInputException("An account applies to one device, one site or the whole body, not both");
        }
        if (siteId != null
                && rows.siteOrganisation(siteId)
                        .filter(o -> o == organisationId)
                        .isEmpty()) {
            throw new BadInputException("Site " + siteId + " is not one of " + organisation.name() + "'s sites");
        }
        if (deviceId != null
                && rows.deviceOrganisation(deviceId)
                        .filter(o -> o == organisationId)
                        .isEmpty()) {
            throw new BadInputException("Device " + deviceId + " is not one of " + organisation.name() + "'s devices");
        }
        String user = username.strip();
        if (user.isEmpty() || user.length() > 100 || user.chars().anyMatch(c -> c < 0x20 || c == '"')) {
            throw new BadInputException("Enter the device user name (up to 100 characters, no quotes)");
        }
        if (password.isEmpty() || password.length() > 200) {
            throw new BadInputException("Enter the device password (up to 200 characters)");
        }
        Instant now = Instant.now(clock);
        String cipher = secrets.seal(password, context(organisationId, siteId, deviceId, user));
        return transactions.execute(status -> {
            long id = rows.insertCredential(new CapabilityRows.CredentialRow(
                    0, organisationId, siteId, deviceId, user, cipher, secrets.keyId(), viewer.username(), now));
            String target = appliesTo(siteId, deviceId);
            audit.record(
                    viewer.username(),
                    "CREATE",
                    "device_credential",
                    id,
                    organisationId,
                    "Gave the read-only device account \"" + user + "\" for " + target + " of " + organisation.name(),
                    null,
                    Map.of("username", user, "appliesTo", target));
            return id;
        });
    }

    public void removeCredential(Viewer viewer, long organisationId, long credentialId) {
        Organisation organisation = register.organisation(viewer, organisationId);
        viewer.requireWrite(organisationId, "Organisation " + organisationId);
        CapabilityRows.CredentialRow row = rows.credential(organisationId, credentialId)
                .orElseThrow(() -> new NotFoundException("Device account " + credentialId));
        transactions.executeWithoutResult(status -> {
            rows.deleteCredential(organisationId, credentialId);
            audit.record(
                    viewer.username(),
                    "DELETE",
                    "device_credential",
                    credentialId,
                    organisationId,
                    "Removed the device account \"" + row.username() + "\" for "
                            + appliesTo(row.siteId(), row.deviceId()) + " of " + organisation.name(),
                    Map.of("username", row.username()),
                    null);
        });
    }

    private CredentialView view(CapabilityRows.CredentialRow row) {
        return new CredentialView(
                row.id(), appliesTo(row.siteId(), row.deviceId()), row.username(), row.setBy(), row.setAt());
    }

    private static String appliesTo(@Nullable Long siteId, @Nullable Long deviceId) {
        return deviceId != null ? "device " + deviceId : siteId != null ? "site " + siteId : "every device";
    }

    private static String context(long organisationId, @Nullable Long siteId, @Nullable Long deviceId, String user) {
        return "device_credential:" + organisationId + ":" + siteId + ":" + deviceId + ":" + user;
    }

    // -- running ----------------------------------------------------------------------------------

    /** Starts an audit of the body's permitted ranges, or of the part of them given. */
    public long start(Viewer viewer, long organisationId, @Nullable String scopeText) {
        return start(viewer, organisationId, scopeText, null);
    }

    /**
     * As above, with an account for this audit only (kept in memory for it, never stored): it
     * applies to every device that has no account of its own or of its site.
     */
    public long start(
            Viewer viewer, long organisationId, @Nullable String scopeText, @Nullable AuditCredentials forThisAudit) {
        Organisation organisation = register.organisation(viewer, organisationId);
        viewer.requireWrite(organisationId, "Organisation " + organisationId);
        Scope scope = scope(organisation, surveys.permit(viewer, organisationId), scopeText);
        return launch(viewer.username(), organisation, scope, scope.toString(), forThisAudit);
    }

    /**
     * Starts an audit of the body's registered in-service devices that have an address within its
     * permitted ranges (an officer types addresses into the register, so the permit still bounds
     * what the server reaches).
     */
    public long startRegistered(Viewer viewer, long organisationId) {
        Organisation organisation = register.organisation(viewer, organisationId);
        viewer.requireWrite(organisationId, "Organisation " + organisationId);
        Scope permit = scope(organisation, surveys.permit(viewer, organisationId), null);
        Set<String> inside = new LinkedHashSet<>();
        for (CapabilityRows.DeviceInput device : rows.devices(organisationId)) {
            String ip = device.ipAddress();
            if (ip.matches("\\d{1,3}(\\.\\d{1,3}){3}") && permit.contains(literal(ip))) {
                inside.add(ip);
            }
        }
        if (inside.isEmpty()) {
            throw new BadInputException("None of " + organisation.name()
                    + "'s in-service devices has an IPv4 address within the permitted ranges (" + permit + ")");
        }
        return launch(
                viewer.username(),
                organisation,
                Scope.parse(List.copyOf(inside), List.of()),
                "the " + inside.size() + " registered devices within " + permit,
                null);
    }

    private static java.net.InetAddress literal(String ip) {
        try {
            return java.net.InetAddress.getByName(ip); // a literal: no look-up
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("an address literal always parses: " + ip, e);
        }
    }

    private static Scope scope(Organisation organisation, String permitted, @Nullable String scopeText) {
        if (permitted.isBlank()) {
            throw new BadInputException("No network ranges are permitted for " + organisation.name()
                    + "'s surveys and audits yet; an administrator sets them on the Network surveys page");
        }
        Scope permit = Scope.parse(List.of(permitted), List.of());
        if (scopeText == null || scopeText.isBlank()) {
            return permit;
        }
        Scope scope;
        try {
            scope = Scope.parse(List.of(scopeText.strip()), List.of());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        if (!scope.within(permit)) {
            throw new BadInputException(
                    "The scope goes beyond the ranges permitted for " + organisation.name() + " (" + permitted + ")");
        }
        return scope;
    }

    private long launch(
            String actor,
            Organisation organisation,
            Scope scope,
            String label,
            @Nullable AuditCredentials forThisAudit) {
        if (slots.incrementAndGet() > RUNNING_AT_ONCE) {
            slots.decrementAndGet();
            throw new ConflictException("Two audits are already running on this service; start this one when one ends");
        }
        try {
            long organisationId = organisation.id();
            Knowledge knowledge = knowledge(organisationId, forThisAudit);
            Instant now = Instant.now(clock);
            long id = transactions.execute(status -> {
                long auditId = rows.insertAudit(
                        organisationId,
                        label.length() > 2_000 ? label.substring(0, 1_990) + "…" : label,
                        scope.size(),
                        indicators.version(),
                        intel.resolverVersion(),
                        actor,
                        now);
                audit.record(
                        actor,
                        "CREATE",
                        "capability_audit",
                        auditId,
                        organisationId,
                        "Started a capability audit of " + label + " for " + organisation.name(),
                        null,
                        Map.of("scope", scope.toString(), "accounts", knowledge.accounts()));
                return auditId;
            });
            SurveySettings settings = SurveySettings.polite().withPorts(CapabilityAudit.ports(indicators));
            CapabilityAudit engine = new CapabilityAudit(
                    new ScopedNetwork(scope, settings),
                    new Identifier(fingerprints, intel.resolver()),
                    indicators,
                    vulnerabilities,
                    knowledge,
                    "camaudit-audit",
                    clock);
            running.put(id, engine);
            runner.execute(() -> run(id, organisationId, engine, knowledge));
            return id;
        } catch (RuntimeException e) {
            slots.decrementAndGet();
            throw e;
        }
    }

    private void run(long id, long organisationId, CapabilityAudit engine, Knowledge knowledge) {
        AtomicLong done = new AtomicLong();
        AtomicLong answered = new AtomicLong();
        try {
            Survey.Outcome outcome = engine.run(new CapabilityAudit.Listener() {
                @Override
                public void device(DeviceAudit device) {
                    record(id, organisationId, device, knowledge);
                    answered.incrementAndGet();
                }

                @Override
                public void progress(long surveyed, long total) {
                    done.set(surveyed);
                    if (surveyed % 64 == 0) {
                        rows.progress(id, surveyed, answered.get());
                    }
                }

                @Override
                public void failed(Inet4Address address, RuntimeException error) {
                    LOG.error("capability audit {}: {} could not be recorded", id, address.getHostAddress(), error);
                }
            });
            summarise(organisationId); // before the audit is seen to end, so its figures are there
            rows.finish(
                    id,
                    outcome.cancelled() ? "CANCELLED" : "DONE",
                    outcome.surveyed(),
                    answered.get(),
                    Instant.now(clock),
                    null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            summarise(organisationId); // before the audit is seen to end, so its figures are there
            rows.finish(id, "INTERRUPTED", done.get(), answered.get(), Instant.now(clock), null);
        } catch (RuntimeException e) {
            LOG.error("capability audit {} failed", id, e);
            summarise(organisationId); // before the audit is seen to end, so its figures are there
            rows.finish(
                    id,
                    "FAILED",
                    done.get(),
                    answered.get(),
                    Instant.now(clock),
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            running.remove(id);
            slots.decrementAndGet();
        }
    }

    /** The body's summary counted again after an audit, whatever its end; a failure here is logged, not thrown. */
    private void summarise(long organisationId) {
        try {
            summariseAgain(organisationId);
        } catch (RuntimeException e) {
            LOG.error("the capability summary of organisation {} could not be counted", organisationId, e);
        }
    }

    private void record(long auditId, long organisationId, DeviceAudit device, Knowledge knowledge) {
        CapabilityRows.DeviceInput registered = knowledge.device(device.address());
        Long deviceId = registered == null ? null : registered.id();
        Optional<CapabilityRows.ResultRow> previous =
                rows.previous(organisationId, deviceId, device.address(), auditId);
        List<AuditChanges.Change> changes = previous.map(p -> {
                    ResultDetail before = json.readValue(p.details(), ResultDetail.class);
                    return AuditChanges.between(
                            states(before),
                            device.features(),
                            before.vulnerabilities().stream()
                                    .map(ResultDetail.VulnerabilityRow::id)
                                    .collect(Collectors.toSet()),
                            device.vulnerabilities().stream()
                                    .map(m -> m.vulnerability().id())
                                    .collect(Collectors.toSet()));
                })
                .orElse(List.of());
        ResultDetail detail = detail(
                device, changes, previous.map(CapabilityRows.ResultRow::auditId).orElse(null));
        rows.insertResult(new CapabilityRows.ResultRow(
                0,
                auditId,
                organisationId,
                deviceId,
                device.address(),
                device.makerName(),
                clip(device.model(), 200),
                clip(device.firmware(), 200),
                device.access().name(),
                standings(device.features()),
                clip(
                        device.vulnerabilities().stream()
                                .map(m -> m.vulnerability().cve())
                                .distinct()
                                .collect(Collectors.joining(",")),
                        400),
                changes.size(),
                (int) changes.stream().filter(AuditChanges.Change::worse).count(),
                json.writeValueAsString(detail),
                Instant.now(clock)));
    }

    private static String clip(@Nullable String text, int length) {
        return text == null ? null : text.length() > length ? text.substring(0, length) : text;
    }

    static String standings(List<FeatureState> features) {
        StringBuilder letters = new StringBuilder();
        for (FeatureState state : features) {
            letters.append(LETTERS.charAt(state.standing().ordinal()));
        }
        return letters.toString();
    }

    private static List<FeatureState> states(ResultDetail detail) {
        List<FeatureState> states = new ArrayList<>();
        for (ResultDetail.FeatureRow row : detail.features()) {
            try {
                states.add(new FeatureState(
                        Feature.valueOf(row.feature()),
                        Tristate.valueOf(row.present()),
                        Tristate.valueOf(row.enabled()),
                        Tristate.valueOf(row.declared()),
                        FeatureState.Standing.valueOf(row.standing()),
                        row.details(),
                        List.of(),
                        row.contradictory()));
            } catch (IllegalArgumentException e) {
                // a feature this version no longer knows is not compared
            }
        }
        return states;
    }

    private static ResultDetail detail(DeviceAudit device, List<AuditChanges.Change> changes, @Nullable Long previous) {
        List<ResultDetail.FeatureRow> features = new ArrayList<>();
        for (FeatureState f : device.features()) {
            features.add(new ResultDetail.FeatureRow(
                    f.feature().name(),
                    f.feature().label(),
                    f.feature().kind().name(),
                    f.present().name(),
                    f.enabled().name(),
                    f.declared().name(),
                    f.standing().name(),
                    f.standing().label(),
                    f.standing().tag(),
                    f.contradictory(),
                    f.details(),
                    f.evidence().stream().map(CapabilityAudits::evidence).toList()));
        }
        List<ResultDetail.VulnerabilityRow> vulnerabilities = new ArrayList<>();
        for (VulnerabilityMatch m : device.vulnerabilities()) {
            vulnerabilities.add(new ResultDetail.VulnerabilityRow(
                    m.vulnerability().id(),
                    m.vulnerability().cve(),
                    m.exposure().name(),
                    m.exposure().label(),
                    m.reason(),
                    m.vulnerability().title(),
                    m.vulnerability().kevAdded() == null
                            ? null
                            : m.vulnerability().kevAdded().toString(),
                    m.vulnerability().source()));
        }
        List<ResultDetail.DocumentRow> documents = new ArrayList<>();
        for (Document d : device.documents()) {
            documents.add(new ResultDetail.DocumentRow(d.request(), d.status().name(), d.excerpt(), d.at().toString()));
        }
        return new ResultDetail(
                device.makerName(),
                device.soldAs(),
                device.serial(),
                device.mac(),
                List.copyOf(device.openPorts()),
                device.access().label(),
                features,
                vulnerabilities,
                changes.stream()
                        .map(c -> new ResultDetail.ChangeRow(c.subject(), c.from(), c.to(), c.description(), c.worse()))
                        .toList(),
                previous,
                documents,
                device.problems(),
                device.took().toMillis(),
                device.rulesVersion());
    }

    private static ResultDetail.EvidenceRow evidence(Evidence e) {
        return new ResultDetail.EvidenceRow(e.request(), e.excerpt(), e.at().toString(), e.rule(), e.source());
    }

    public void cancel(Viewer viewer, long auditId) {
        CapabilityRows.AuditRow row = auditRow(viewer, auditId);
        viewer.requireWrite(row.organisationId(), "Capability audit " + auditId);
        CapabilityAudit engine = running.get(auditId);
        if (engine == null) {
            throw new ConflictException("Capability audit " + auditId + " is not running");
        }
        engine.cancel();
        transactions.executeWithoutResult(status -> audit.record(
                viewer.username(),
                "UPDATE",
                "capability_audit",
                auditId,
                row.organisationId(),
                "Cancelled capability audit " + auditId,
                null,
                null));
    }

    /** Waits for an audit to end (for tests and scripts); true if it did within the time. */
    public boolean await(long auditId, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (running.containsKey(auditId)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    // -- what each address is ----------------------------------------------------------------------

    /** The body's registered devices by address, and its accounts, opened once per audit. */
    private Knowledge knowledge(long organisationId, @Nullable AuditCredentials forThisAudit) {
        Map<String, CapabilityRows.DeviceInput> devices = new HashMap<>();
        for (CapabilityRows.DeviceInput device : rows.devices(organisationId)) {
            devices.putIfAbsent(device.ipAddress(), device);
        }
        Map<Long, AuditCredentials> byDevice = new HashMap<>();
        Map<Long, AuditCredentials> bySite = new HashMap<>();
        AuditCredentials everyDevice = null;
        Set<String> accounts = new LinkedHashSet<>();
        for (CapabilityRows.CredentialRow row : rows.credentials(organisationId)) {
            AuditCredentials credentials = new AuditCredentials(
                    row.username(),
                    secrets.open(
                            row.cipher(),
                            row.keyId(),
                            context(organisationId, row.siteId(), row.deviceId(), row.username())));
            accounts.add(row.username() + " for " + appliesTo(row.siteId(), row.deviceId()));
            if (row.deviceId() != null) {
                byDevice.put(row.deviceId(), credentials);
            } else if (row.siteId() != null) {
                bySite.put(row.siteId(), credentials);
            } else {
                everyDevice = credentials;
            }
        }
        if (forThisAudit != null) {
            accounts.add(forThisAudit.username() + " for this audit only");
        }
        return new Knowledge(devices, byDevice, bySite, forThisAudit, everyDevice, List.copyOf(accounts));
    }

    /**
     * Per address: the most specific account (the device's, its site's, this audit's, the body's)
     * and what the register declares.
     */
    private record Knowledge(
            Map<String, CapabilityRows.DeviceInput> devices,
            Map<Long, AuditCredentials> byDevice,
            Map<Long, AuditCredentials> bySite,
            @Nullable AuditCredentials forThisAudit,
            @Nullable AuditCredentials everyDevice,
            List<String> accounts)
            implements CapabilityAudit.Knowledge {

        CapabilityRows.@Nullable DeviceInput device(String address) {
            return devices.get(address);
        }

        @Override
        public @Nullable AuditCredentials credentials(Inet4Address address) {
            CapabilityRows.DeviceInput device = devices.get(address.getHostAddress());
            if (device != null && byDevice.containsKey(device.id())) {
                return byDevice.get(device.id());
            }
            if (device != null && device.siteId() != null && bySite.containsKey(device.siteId())) {
                return bySite.get(device.siteId());
            }
            return forThisAudit != null ? forThisAudit : everyDevice;
        }

        @Override
        public @Nullable Set<String> declared(Inet4Address address) {
            CapabilityRows.DeviceInput d = devices.get(address.getHostAddress());
            if (d == null) {
                return null;
            }
            Set<String> declared = new LinkedHashSet<>();
            if (d.faceRecognition()) {
                declared.add("FACE_RECOGNITION");
            }
            if (d.audio()) {
                declared.add("AUDIO");
            }
            if (d.anpr()) {
                declared.add("ANPR");
            }
            if (d.thermal()) {
                declared.add("THERMAL");
            }
            if (d.ptz()) {
                declared.add("PTZ");
            }
            if (d.analytics()) {
                declared.add("ANALYTICS");
            }
            return declared;
        }

        @Override
        public String toString() {
            return "Knowledge[" + devices.size() + " devices, accounts " + accounts + "]"; // never the passwords
        }
    }

    // -- schedules --------------------------------------------------------------------------------

    public Optional<CapabilityRows.ScheduleRow> schedule(Viewer viewer, long organisationId) {
        register.organisation(viewer, organisationId);
        return rows.schedule(organisationId);
    }

    /** Repeats the body's audit every so many days, the first in that many days (or 0 for none). */
    public void setSchedule(Viewer viewer, long organisationId, int everyDays, @Nullable String scopeText) {
        Organisation organisation = register.organisation(viewer, organisationId);
        viewer.requireWrite(organisationId, "Organisation " + organisationId);
        if (everyDays < 0 || everyDays > 366) {
            throw new BadInputException("Repeat every 1 to 366 days, or 0 for no repeat");
        }
        Optional<CapabilityRows.ScheduleRow> before = rows.schedule(organisationId);
        Instant now = Instant.now(clock);
        if (everyDays == 0) {
            transactions.executeWithoutResult(status -> {
                rows.deleteSchedule(organisationId);
                audit.record(
                        viewer.username(),
                        "DELETE",
                        "capability_schedule",
                        organisationId,
                        organisationId,
                        "Stopped repeating capability audits for " + organisation.name(),
                        before.map(b -> Map.of("everyDays", b.everyDays())).orElse(null),
                        null);
            });
            return;
        }
        String scopeToKeep = scopeText == null ? "" : scopeText.strip();
        scope(organisation, surveys.permit(viewer, organisationId), scopeToKeep); // refused now, not at 3 a.m.
        Instant next = now.plus(Duration.ofDays(everyDays));
        transactions.executeWithoutResult(status -> {
            rows.saveSchedule(
                    new CapabilityRows.ScheduleRow(organisationId, everyDays, scopeToKeep, next, viewer.username()),
                    now);
            audit.record(
                    viewer.username(),
                    "UPDATE",
                    "capability_schedule",
                    organisationId,
                    organisationId,
                    "Capability audits of " + organisation.name() + " repeat every " + everyDays + " days, next "
                            + next,
                    before.map(b -> Map.of("everyDays", b.everyDays())).orElse(null),
                    Map.of("everyDays", everyDays, "scope", scopeToKeep));
        });
    }

    /**
     * Starts every audit that is due. Each due schedule is first moved on by a conditional update,
     * so that of two ticks (or two instances of the service) reading it, one runs it; one that
     * cannot start now (two audits running) waits for the next tick.
     */
    public int runDue() {
        int started = 0;
        Instant now = Instant.now(clock);
        for (CapabilityRows.ScheduleRow due : rows.due(now)) {
            if (slots.get() >= RUNNING_AT_ONCE) {
                break;
            }
            Instant next = now.plus(Duration.ofDays(due.everyDays()));
            if (!rows.claim(due.organisationId(), due.nextRunAt(), next)) {
                continue;
            }
            try {
                Organisation organisation = register.organisation(
                        new Viewer("scheduler", io.camaudit.shared.Role.ADMINISTRATOR, null), due.organisationId());
                String permitted = surveys.permit(
                        new Viewer("scheduler", io.camaudit.shared.Role.ADMINISTRATOR, null), due.organisationId());
                Scope scope = scope(organisation, permitted, due.scope());
                launch("scheduler", organisation, scope, scope.toString(), null);
                started++;
            } catch (RuntimeException e) {
                LOG.warn(
                        "the scheduled capability audit of organisation {} could not start: {}",
                        due.organisationId(),
                        e.getMessage());
            }
        }
        return started;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startTicking() {
        ticker.execute(() -> {
            try {
                summariseMissing();
            } catch (RuntimeException e) {
                LOG.error("the capability summaries of bodies audited before could not be counted", e);
            }
        });
        if (scheduled) {
            ticker.scheduleWithFixedDelay(this::tick, 1, 60, TimeUnit.SECONDS);
        }
    }

    private void tick() {
        try {
            runDue();
        } catch (RuntimeException e) {
            LOG.error("the capability audit schedule could not be read", e);
        }
    }

    @EventListener(ContextClosedEvent.class)
    void stopAll() {
        ticker.shutdownNow();
        running.values().forEach(CapabilityAudit::cancel);
        runner.shutdown();
    }

    // -- reading ----------------------------------------------------------------------------------

    public List<AuditView> audits(Viewer viewer, long organisationId) {
        Organisation organisation = register.organisation(viewer, organisationId);
        return rows.audits(organisationId, 50).stream()
                .map(r -> view(r, organisation.name()))
                .toList();
    }

    public AuditView audit(Viewer viewer, long auditId) {
        CapabilityRows.AuditRow row = auditRow(viewer, auditId);
        return view(row, register.organisation(viewer, row.organisationId()).name());
    }

    public List<ResultView> results(Viewer viewer, long auditId) {
        auditRow(viewer, auditId);
        return rows.results(auditId).stream().map(this::view).toList();
    }

    public ResultView result(Viewer viewer, long auditId, long resultId) {
        auditRow(viewer, auditId);
        return rows.result(auditId, resultId)
                .map(this::view)
                .orElseThrow(() -> new NotFoundException("Result " + resultId + " of capability audit " + auditId));
    }

    /** The latest audit of a registered device the viewer may read, if it was ever audited. */
    public Optional<ResultView> latestForDevice(Viewer viewer, long organisationId, long deviceId) {
        viewer.requireRead(organisationId, "Device " + deviceId);
        return rows.latestForDevice(deviceId)
                .filter(r -> r.organisationId() == organisationId)
                .map(this::view);
    }

    /**
     * The nation's picture, for the Commissioner's office: every audited body's summary added up,
     * with how many bodies have been audited at all.
     */
    public record NationalCapabilities(long bodies, CapabilitySummary devices) {}

    public NationalCapabilities national(Viewer viewer) {
        if (!viewer.seesEverything()) {
            throw new io.camaudit.shared.ForbiddenException(
                    "The national picture is for the Commissioner's office and administrators");
        }
        List<CapabilitySummary> bodies = rows.summaries();
        Instant last = null;
        for (CapabilitySummary s : bodies) {
            last = s.lastAudit() != null && (last == null || s.lastAudit().isAfter(last)) ? s.lastAudit() : last;
        }
        return new NationalCapabilities(
                bodies.size(),
                new CapabilitySummary(
                        bodies.stream().mapToLong(CapabilitySummary::devices).sum(),
                        bodies.stream()
                                .mapToLong(CapabilitySummary::facePresent)
                                .sum(),
                        bodies.stream().mapToLong(CapabilitySummary::faceOn).sum(),
                        bodies.stream()
                                .mapToLong(CapabilitySummary::faceUndeclared)
                                .sum(),
                        bodies.stream().mapToLong(CapabilitySummary::undeclared).sum(),
                        bodies.stream().mapToLong(CapabilitySummary::cloudOn).sum(),
                        bodies.stream().mapToLong(CapabilitySummary::servicesOn).sum(),
                        bodies.stream().mapToLong(CapabilitySummary::vulnerable).sum(),
                        bodies.stream()
                                .mapToLong(CapabilitySummary::changedForTheWorse)
                                .sum(),
                        last));
    }

    /** Counts the body's present picture again into its summary row, as one of its audits ends. */
    void summariseAgain(long organisationId) {
        rows.saveSummary(organisationId, summarise(rows.latestStandings(organisationId)));
    }

    /**
     * Counts the bodies audited before summaries were kept; at start-up, in the background. Returns
     * how many were counted.
     */
    public int summariseMissing() {
        List<Long> missing = rows.unsummarised();
        missing.forEach(this::summariseAgain);
        return missing.size();
    }

    /** The body's present picture, from the latest audit of each address. */
    public CapabilitySummary summary(Viewer viewer, long organisationId) {
        register.organisation(viewer, organisationId);
        return summarise(rows.latestStandings(organisationId));
    }

    private static CapabilitySummary summarise(List<CapabilityRows.Standing> latest) {
        int face = Feature.FACE_RECOGNITION.ordinal();
        int detection = Feature.FACE_DETECTION.ordinal();
        long facePresent = 0;
        long faceOn = 0;
        long faceUndeclared = 0;
        long undeclared = 0;
        long cloud = 0;
        long services = 0;
        long vulnerable = 0;
        long worse = 0;
        Instant last = null;
        for (CapabilityRows.Standing row : latest) {
            String s = row.standings();
            if (s.length() != Feature.values().length) {
                continue; // written by another version of the features
            }
            facePresent += "UODP".indexOf(s.charAt(face)) >= 0 || "UODP".indexOf(s.charAt(detection)) >= 0 ? 1 : 0;
            faceOn += "UO".indexOf(s.charAt(face)) >= 0 || "UO".indexOf(s.charAt(detection)) >= 0 ? 1 : 0;
            faceUndeclared += s.charAt(face) == 'U' || s.charAt(detection) == 'U' ? 1 : 0;
            undeclared += s.indexOf('U') >= 0 ? 1 : 0;
            cloud += s.charAt(Feature.CLOUD_LINK.ordinal()) == 'O' ? 1 : 0;
            services += s.charAt(Feature.TELNET.ordinal()) == 'O'
                            || s.charAt(Feature.SSH.ordinal()) == 'O'
                            || s.charAt(Feature.UPNP.ordinal()) == 'O'
                    ? 1
                    : 0;
            vulnerable += row.vulnerabilities().isEmpty() ? 0 : 1;
            worse += row.worseChanges() > 0 ? 1 : 0;
            last = last == null || row.recordedAt().isAfter(last) ? row.recordedAt() : last;
        }
        return new CapabilitySummary(
                latest.size(),
                facePresent,
                faceOn,
                faceUndeclared,
                undeclared,
                cloud,
                services,
                vulnerable,
                worse,
                last);
    }

    /** The latest result of each of the body's devices, by device id. */
    public Map<Long, ResultView> latestByDevice(Viewer viewer, long organisationId) {
        register.organisation(viewer, organisationId);
        Map<Long, ResultView> out = new HashMap<>();
        for (CapabilityRows.ResultRow r : rows.latestByDevice(organisationId)) {
            out.put(r.deviceId(), view(r));
        }
        return out;
    }

    /** The latest result of each address of the body. */
    public List<ResultView> latest(Viewer viewer, long organisationId) {
        register.organisation(viewer, organisationId);
        return rows.latest(organisationId).stream().map(this::view).toList();
    }

    private CapabilityRows.AuditRow auditRow(Viewer viewer, long auditId) {
        CapabilityRows.AuditRow row =
                rows.audit(auditId).orElseThrow(() -> new NotFoundException("Capability audit " + auditId));
        viewer.requireRead(row.organisationId(), "Capability audit " + auditId);
        return row;
    }

    private AuditView view(CapabilityRows.AuditRow r, String organisationName) {
        return new AuditView(
                r.id(),
                r.organisationId(),
                organisationName,
                r.scope(),
                r.status(),
                r.addresses(),
                r.surveyed(),
                r.answered(),
                r.rulesVersion(),
                r.startedBy(),
                r.startedAt(),
                r.finishedAt(),
                r.failure());
    }

    private ResultView view(CapabilityRows.ResultRow r) {
        return new ResultView(
                r.id(),
                r.auditId(),
                r.deviceId(),
                r.address(),
                r.maker(),
                r.model(),
                r.firmware(),
                r.changes(),
                r.worseChanges(),
                r.recordedAt(),
                json.readValue(r.details(), ResultDetail.class));
    }
}
