package io.camaudit.discovery;

import io.camaudit.audit.AuditLog;
import io.camaudit.discovery.engine.Fingerprints;
import io.camaudit.discovery.engine.HostReport;
import io.camaudit.discovery.engine.Identification;
import io.camaudit.discovery.engine.Identifier;
import io.camaudit.discovery.engine.PassiveImport;
import io.camaudit.discovery.engine.Reconciler;
import io.camaudit.discovery.engine.Scope;
import io.camaudit.discovery.engine.ScopedNetwork;
import io.camaudit.discovery.engine.Survey;
import io.camaudit.discovery.engine.SurveySettings;
import io.camaudit.discovery.persistence.SurveyRows;
import io.camaudit.intel.Intel;
import io.camaudit.register.Device;
import io.camaudit.register.DeviceDraft;
import io.camaudit.register.DeviceFacts;
import io.camaudit.register.DeviceStatus;
import io.camaudit.register.IpAddress;
import io.camaudit.register.MacAddress;
import io.camaudit.register.Organisation;
import io.camaudit.register.Provenance;
import io.camaudit.register.Register;
import io.camaudit.shared.BadInputException;
import io.camaudit.shared.ConflictException;
import io.camaudit.shared.ForbiddenException;
import io.camaudit.shared.NotFoundException;
import io.camaudit.shared.Viewer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Surveys started from the web or the API: each runs in the background on the server, within the
 * ranges an administrator permitted for the body, and its hosts are stored as they answer. An
 * officer then accepts or rejects what each found: a new device is added to the register, a
 * matched one takes the survey's facts, each with provenance "discovered by survey N at address".
 */
@Service
public class Surveys {

    /** Surveys running at once across the service; more would crowd the server's own network. */
    static final int RUNNING_AT_ONCE = 2;

    private static final Logger LOG = LoggerFactory.getLogger(Surveys.class);

    private final SurveyRows rows;
    private final Register register;
    private final Intel intel;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final Fingerprints fingerprints = Fingerprints.bundled();
    private final ExecutorService runner = Executors.newFixedThreadPool(RUNNING_AT_ONCE, r -> {
        Thread t = new Thread(r, "survey-runner");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, Running> running = new ConcurrentHashMap<>();
    /** Surveys started and not yet ended, reserved before anything is written so two requests cannot both pass. */
    private final java.util.concurrent.atomic.AtomicInteger slots = new java.util.concurrent.atomic.AtomicInteger();

    private record Running(Survey survey, AtomicLong done, AtomicLong answered) {}

    Surveys(
            SurveyRows rows,
            Register register,
            Intel intel,
            AuditLog audit,
            JsonMapper json,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.rows = rows;
        this.register = register;
        this.intel = intel;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactions);
        int interrupted = rows.markInterrupted(Instant.now(clock));
        if (interrupted > 0) {
            LOG.warn("{} surveys were running when the service last stopped; they are marked interrupted", interrupted);
        }
    }

    public Fingerprints fingerprints() {
        return fingerprints;
    }

    // -- permits ---------------------------------------------------------------------------------

    /** The ranges the body's surveys may cover, or an empty string if none are permitted yet. */
    public String permit(Viewer viewer, long organisationId) {
        register.organisation(viewer, organisationId);
        return rows.permit(organisationId).map(SurveyRows.Permit::ranges).orElse("");
    }

    /** Administrators only: the ranges the body's surveys may cover. */
    public void setPermit(Viewer viewer, long organisationId, String ranges) {
        if (!viewer.isAdministrator()) {
            throw new ForbiddenException("Only an administrator may say which networks a body may survey");
        }
        Organisation organisation = register.organisation(viewer, organisationId);
        String normalised = ranges.strip();
        if (!normalised.isEmpty()) {
            try {
                Scope.parse(List.of(normalised), List.of());
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage());
            }
        }
        String before =
                rows.permit(organisationId).map(SurveyRows.Permit::ranges).orElse("");
        transactions.executeWithoutResult(status -> {
            rows.savePermit(organisationId, normalised, viewer.username(), Instant.now(clock));
            audit.record(
                    viewer.username(),
                    "UPDATE",
                    "survey_permit",
                    organisationId,
                    organisationId,
                    "Survey ranges of " + organisation.name() + ": " + (normalised.isEmpty() ? "none" : normalised),
                    Map.of("ranges", before),
                    Map.of("ranges", normalised));
        });
    }

    // -- running ---------------------------------------------------------------------------------

    public long start(Viewer viewer, long organisationId, SurveyRequest request) {
        Organisation organisation = register.organisation(viewer, organisationId);
        viewer.requireWrite(organisationId, "Organisation " + organisationId);
        Scope scope;
        try {
            scope = Scope.parse(request.scope(), request.exclude());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        String permitted =
                rows.permit(organisationId).map(SurveyRows.Permit::ranges).orElse("");
        if (permitted.isEmpty()) {
            throw new BadInputException("No network ranges are permitted for " + organisation.name()
                    + "'s surveys yet; an administrator sets them on this page");
        }
        if (!scope.within(Scope.parse(List.of(permitted), List.of()))) {
            throw new BadInputException(
                    "The scope goes beyond the ranges permitted for " + organisation.name() + " (" + permitted + ")");
        }
        if (request.packetsPerSecond() < 1 || request.packetsPerSecond() > SurveyRequest.MAX_RATE) {
            throw new BadInputException("The rate must be 1 to " + SurveyRequest.MAX_RATE + " a second");
        }
        if (request.concurrentHosts() < 1 || request.concurrentHosts() > SurveyRequest.MAX_CONCURRENCY) {
            throw new BadInputException("Hosts at a time must be 1 to " + SurveyRequest.MAX_CONCURRENCY);
        }
        if (slots.incrementAndGet() > RUNNING_AT_ONCE) {
            slots.decrementAndGet();
            throw new ConflictException(
                    "Two surveys are already running on this service; start this one when one ends");
        }
        try {
            return launch(viewer, organisation, scope, request);
        } catch (RuntimeException e) {
            slots.decrementAndGet();
            throw e;
        }
    }

    private long launch(Viewer viewer, Organisation organisation, Scope scope, SurveyRequest request) {
        long organisationId = organisation.id();
        SurveySettings settings = SurveySettings.polite()
                .withRate(request.packetsPerSecond())
                .withConcurrency(request.concurrentHosts())
                .withCredentials(request.credentials());
        Identifier identifier = new Identifier(fingerprints, intel.resolver());
        String settingsText = "rate " + request.packetsPerSecond() + "/s, " + request.concurrentHosts()
                + " hosts at a time, ports "
                + settings.ports().stream().map(String::valueOf).collect(Collectors.joining(","))
                + (request.credentials() == null ? "" : ", ONVIF credentials given");
        Instant now = Instant.now(clock);
        long id = transactions.execute(status -> {
            long surveyId = rows.insertSurvey(
                    organisationId,
                    "ACTIVE",
                    String.join(",", request.scope()),
                    String.join(",", request.exclude()),
                    settingsText,
                    scope.size(),
                    fingerprints.version(),
                    intel.resolverVersion(),
                    viewer.username(),
                    now);
            audit.record(
                    viewer.username(),
                    "CREATE",
                    "survey",
                    surveyId,
                    organisationId,
                    "Started a survey of " + scope + " for " + organisation.name(),
                    null,
                    request.toString());
            return surveyId;
        });
        Survey survey = new Survey(new ScopedNetwork(scope, settings), identifier, "camaudit-survey");
        Running state = new Running(survey, new AtomicLong(), new AtomicLong());
        running.put(id, state);
        runner.execute(() -> run(id, survey, state));
        return id;
    }

    private void run(long id, Survey survey, Running state) {
        try {
            Survey.Outcome outcome = survey.run(new Survey.Listener() {
                @Override
                public void host(HostReport report) {
                    rows.insertHost(hostRow(id, report));
                    state.answered().incrementAndGet();
                }

                @Override
                public void progress(long done, long total) {
                    state.done().set(done);
                }

                @Override
                public void failed(java.net.Inet4Address address, RuntimeException error) {
                    LOG.error("survey {}: host {} could not be recorded", id, address.getHostAddress(), error);
                }
            });
            rows.finish(
                    id,
                    outcome.cancelled() ? "CANCELLED" : "DONE",
                    outcome.surveyed(),
                    outcome.answered(),
                    outcome.identified(),
                    outcome.packets(),
                    Instant.now(clock),
                    null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            rows.finish(id, "INTERRUPTED", state.done().get(), state.answered().get(), 0, 0, Instant.now(clock), null);
        } catch (RuntimeException e) {
            LOG.error("survey {} failed", id, e);
            rows.finish(
                    id,
                    "FAILED",
                    state.done().get(),
                    state.answered().get(),
                    0,
                    0,
                    Instant.now(clock),
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            running.remove(id);
            slots.decrementAndGet();
        }
    }

    private SurveyRows.HostRow hostRow(long surveyId, HostReport report) {
        return hostRow(
                surveyId,
                report.address().getHostAddress(),
                report.observations(),
                report.identification(),
                "survey " + surveyId);
    }

    private SurveyRows.HostRow hostRow(
            long surveyId,
            String address,
            List<io.camaudit.discovery.engine.Observation> observations,
            Identification id,
            String source) {
        String openPorts = observations.stream()
                .filter(o -> o.field().equals("tcp.open"))
                .map(o -> o.value())
                .distinct()
                .collect(Collectors.joining(","));
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("source", source);
        details.put("conflicts", id.conflicts());
        details.put(
                "claims",
                id.claims().stream()
                        .map(c -> Map.of(
                                "attribute",
                                c.attribute(),
                                "value",
                                c.value(),
                                "confidence",
                                c.confidence(),
                                "rule",
                                c.ruleId(),
                                "evidence",
                                c.evidence(),
                                "source",
                                c.source()))
                        .toList());
        details.put(
                "resolverEvidence",
                id.resolution().evidence().stream()
                        .map(e -> e.kind() + ": " + e.text())
                        .toList());
        details.put("observations", observations.stream().map(Object::toString).toList());
        details.put("fingerprints", id.rulesVersion());
        details.put("intelBundle", id.resolution().bundleVersion());
        return new SurveyRows.HostRow(
                0,
                surveyId,
                address,
                openPorts,
                id.maker(),
                id.soldAs(),
                id.resolution().path(),
                id.model(),
                id.firmware(),
                id.serial(),
                id.mac(),
                id.kind(),
                id.isCandidateDevice(),
                id.confidence(),
                json.writeValueAsString(details),
                "PENDING",
                null,
                null,
                null);
    }

    /**
     * Identifies the devices a file lists (nmap XML, an ARP table, DHCP leases, a switch's MAC
     * table, a MAC list) without sending a packet, and files the findings as a passive survey, to be
     * reconciled and decided like any other.
     */
    public long importPassive(Viewer viewer, long organisationId, String fileName, byte[] content) {
        Organisation organisation = register.organisation(viewer, organisationId);
        viewer.requireWrite(organisationId, "Organisation " + organisationId);
        String name = fileName.isBlank() ? "upload" : fileName.replaceAll("[^A-Za-z0-9._ -]", "_");
        PassiveImport.Result result;
        try {
            result = PassiveImport.read(name, content);
        } catch (PassiveImport.BadFileException e) {
            throw new BadInputException(e.getMessage());
        }
        if (result.hosts().isEmpty()) {
            throw new BadInputException(name + " lists no host camaudit can read"
                    + (result.problems().isEmpty()
                            ? ""
                            : ": " + result.problems().get(0)));
        }
        Identifier identifier = new Identifier(fingerprints, intel.resolver());
        List<PassiveImport.Identified> identified = PassiveImport.identify(result, identifier);
        String notes = result.format() + ", " + result.hosts().size() + " hosts"
                + (result.problems().isEmpty()
                        ? ""
                        : "; " + result.problems().size() + " lines not read, the first: "
                                + result.problems().get(0));
        Instant now = Instant.now(clock);
        return transactions.execute(status -> {
            long id = rows.insertSurvey(
                    organisationId,
                    "PASSIVE",
                    name,
                    "",
                    notes.length() > 1_900 ? notes.substring(0, 1_900) : notes,
                    result.hosts().size(),
                    fingerprints.version(),
                    intel.resolverVersion(),
                    viewer.username(),
                    now);
            long named = 0;
            for (PassiveImport.Identified host : identified) {
                rows.insertHost(hostRow(
                        id,
                        host.host().key(),
                        host.host().observations(),
                        host.identification(),
                        host.host().source()));
                named += host.identification().identified() ? 1 : 0;
            }
            rows.finish(id, "DONE", result.hosts().size(), result.hosts().size(), named, 0, now, null);
            audit.record(
                    viewer.username(),
                    "CREATE",
                    "survey",
                    id,
                    organisationId,
                    "Identified " + result.hosts().size() + " hosts from " + name + " (" + result.format() + ") for "
                            + organisation.name(),
                    null,
                    null);
            return id;
        });
    }

    public void cancel(Viewer viewer, long surveyId) {
        SurveyRows.SurveyRow row = surveyRow(viewer, surveyId);
        viewer.requireWrite(row.organisationId(), "Survey " + surveyId);
        Running state = running.get(surveyId);
        if (state == null) {
            throw new ConflictException("Survey " + surveyId + " is not running");
        }
        state.survey().cancel();
        transactions.executeWithoutResult(status -> audit.record(
                viewer.username(),
                "UPDATE",
                "survey",
                surveyId,
                row.organisationId(),
                "Cancelled survey " + surveyId,
                null,
                null));
    }

    @EventListener(ContextClosedEvent.class)
    void stopAll() {
        running.values().forEach(r -> r.survey().cancel());
        runner.shutdown();
    }

    /** Waits for a survey to end (for tests and scripts); true if it did within the time. */
    public boolean await(long surveyId, java.time.Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (running.containsKey(surveyId)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    // -- reading ---------------------------------------------------------------------------------

    public List<SurveyView> surveysOf(Viewer viewer, long organisationId) {
        Organisation organisation = register.organisation(viewer, organisationId);
        return rows.surveysOf(organisationId, 50).stream()
                .map(r -> view(r, organisation.name()))
                .toList();
    }

    public SurveyView survey(Viewer viewer, long surveyId) {
        SurveyRows.SurveyRow row = surveyRow(viewer, surveyId);
        return view(row, register.organisation(viewer, row.organisationId()).name());
    }

    public SurveyResults results(Viewer viewer, long surveyId) {
        SurveyView survey = survey(viewer, surveyId);
        List<SurveyRows.HostRow> hosts = rows.hosts(surveyId);
        List<Reconciler.Found> found = new ArrayList<>();
        List<SurveyRows.HostRow> video = new ArrayList<>();
        List<SurveyResults.Host> others = new ArrayList<>();
        for (SurveyRows.HostRow h : hosts) {
            if (h.video()) {
                video.add(h);
                found.add(new Reconciler.Found(h.address(), h.maker(), h.model(), h.firmware(), h.serial(), h.mac()));
            } else {
                others.add(new SurveyResults.Host(h, null, null, List.of()));
            }
        }
        // A file is not a sweep of a network: what it does not list was not looked for.
        boolean passive = survey.row().method().equals("PASSIVE");
        Scope scope = passive
                ? null
                : Scope.parse(
                        List.of(survey.row().scope()),
                        survey.row().exclusions().isBlank()
                                ? List.of()
                                : List.of(survey.row().exclusions()));
        Reconciler.Result result =
                Reconciler.reconcile(found, rows.declaredDevices(survey.row().organisationId()), scope);
        List<SurveyResults.Host> devices = new ArrayList<>();
        for (int i = 0; i < video.size(); i++) {
            Reconciler.Pairing pairing = result.pairings().get(i);
            SurveyRows.HostRow h = video.get(i);
            Long matched = pairing.declared() == null
                    ? h.deviceId()
                    : Long.valueOf(pairing.declared().id());
            devices.add(new SurveyResults.Host(h, matched, pairing.matchedBy(), pairing.differences()));
        }
        // A survey that has not finished has not yet failed to see anything.
        List<Reconciler.Declared> notSeen = survey.running() ? List.of() : result.notSeen();
        return new SurveyResults(survey, devices, others, notSeen);
    }

    // -- decisions -------------------------------------------------------------------------------

    /** Puts what the survey found for this host into the register (a new device, or the matched one's facts). */
    public Device accept(Viewer viewer, long surveyId, long hostId) {
        SurveyResults results = results(viewer, surveyId);
        long organisationId = results.survey().row().organisationId();
        viewer.requireWrite(organisationId, "Survey " + surveyId);
        SurveyResults.Host host = results.devices().stream()
                .filter(h -> h.row().id() == hostId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException(
                        "Survey " + surveyId + " found no camera, recorder or video" + " server with id " + hostId));
        if (!host.pending()) {
            throw new ConflictException(
                    "This finding was already " + host.row().decision().toLowerCase(java.util.Locale.ROOT));
        }
        SurveyRows.HostRow found = host.row();
        Provenance provenance = Provenance.discovered(surveyId, found.address(), viewer.username(), Instant.now(clock));
        return transactions.execute(status -> {
            Device device;
            if (host.isNew()) {
                DeviceFacts facts = new DeviceFacts(
                        found.maker() != null ? found.maker() : found.soldAs(),
                        found.soldAs(),
                        found.model(),
                        found.firmware(),
                        found.serial(),
                        mac(found.mac()),
                        ip(found.address()),
                        null,
                        Set.of(),
                        DeviceStatus.IN_SERVICE,
                        null,
                        null);
                device = register.createDevice(viewer, organisationId, new DeviceDraft(null, null, facts), provenance);
            } else {
                Device current = register.device(viewer, host.matchedDeviceId());
                DeviceFacts was = current.facts();
                DeviceFacts facts = new DeviceFacts(
                        was.manufacturer(),
                        was.brand(),
                        found.model() != null ? found.model() : was.model(),
                        found.firmware() != null ? found.firmware() : was.firmware(),
                        found.serial() != null ? found.serial() : was.serialNumber(),
                        found.mac() != null ? mac(found.mac()) : was.macAddress(),
                        ip(found.address()),
                        was.assetTag(),
                        was.capabilities(),
                        was.status(),
                        was.installedOn(),
                        was.statusChangedOn());
                device = register.updateDevice(
                        viewer,
                        current.id(),
                        new DeviceDraft(current.siteId(), current.systemId(), facts),
                        null,
                        provenance);
            }
            rows.decide(hostId, "ACCEPTED", device.id(), viewer.username(), Instant.now(clock));
            audit.record(
                    viewer.username(),
                    "UPDATE",
                    "survey_host",
                    hostId,
                    organisationId,
                    "Accepted what survey " + surveyId + " found at " + found.address(),
                    null,
                    Map.of("device", device.id()));
            return device;
        });
    }

    public void reject(Viewer viewer, long surveyId, long hostId) {
        SurveyRows.SurveyRow survey = surveyRow(viewer, surveyId);
        viewer.requireWrite(survey.organisationId(), "Survey " + surveyId);
        SurveyRows.HostRow host = rows.host(surveyId, hostId)
                .orElseThrow(() -> new NotFoundException("Survey " + surveyId + " has no host " + hostId));
        if (!host.decision().equals("PENDING")) {
            throw new ConflictException(
                    "This finding was already " + host.decision().toLowerCase(java.util.Locale.ROOT));
        }
        transactions.executeWithoutResult(status -> {
            rows.decide(hostId, "REJECTED", null, viewer.username(), Instant.now(clock));
            audit.record(
                    viewer.username(),
                    "UPDATE",
                    "survey_host",
                    hostId,
                    survey.organisationId(),
                    "Rejected what survey " + surveyId + " found at " + host.address(),
                    null,
                    null);
        });
    }

    private SurveyRows.SurveyRow surveyRow(Viewer viewer, long surveyId) {
        SurveyRows.SurveyRow row = rows.survey(surveyId)
                .orElseThrow(() -> new NotFoundException("Survey " + surveyId + " does not exist"));
        if (!viewer.canRead(row.organisationId())) {
            // The same answer as for a survey that does not exist: an officer learns nothing of other bodies.
            throw new NotFoundException("Survey " + surveyId + " does not exist");
        }
        return row;
    }

    private SurveyView view(SurveyRows.SurveyRow row, String organisationName) {
        Running state = running.get(row.id());
        SurveyStatus status = SurveyStatus.valueOf(row.status());
        if (state != null) {
            return new SurveyView(
                    row,
                    SurveyStatus.RUNNING,
                    state.done().get(),
                    state.answered().get(),
                    organisationName);
        }
        return new SurveyView(row, status, row.surveyed(), row.answered(), organisationName);
    }

    private static @Nullable MacAddress mac(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return MacAddress.of(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable IpAddress ip(String text) {
        try {
            return IpAddress.of(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
