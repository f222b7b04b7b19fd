package io.camaudit.transparency;

import io.camaudit.audit.AuditLog;
import io.camaudit.capability.CapabilityAudits;
import io.camaudit.capability.CapabilitySummary;
import io.camaudit.compliance.CodeOfPractice;
import io.camaudit.diligence.Diligence;
import io.camaudit.egress.AlertView;
import io.camaudit.egress.EgressMonitor;
import io.camaudit.intel.Intel;
import io.camaudit.intel.engine.Company;
import io.camaudit.register.Organisation;
import io.camaudit.register.Register;
import io.camaudit.register.SiteKind;
import io.camaudit.remediation.Remediation;
import io.camaudit.remediation.engine.ActionStatus;
import io.camaudit.review.NationalReview;
import io.camaudit.shared.NotFoundException;
import io.camaudit.shared.Viewer;
import io.camaudit.transparency.persistence.StatementRows;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Transparency statements: drawn from what camaudit knows of a body, previewed by its officer,
 * published as a numbered version that is never changed afterwards, and read by anyone.
 */
@Service
public class TransparencyStatements {

    private final StatementRows rows;
    private final Register register;
    private final Intel intel;
    private final NationalReview review;
    private final CapabilityAudits capabilities;
    private final EgressMonitor egress;
    private final Diligence diligence;
    private final Remediation remediation;
    private final CodeOfPractice codeOfPractice;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    TransparencyStatements(
            StatementRows rows,
            Register register,
            Intel intel,
            NationalReview review,
            CapabilityAudits capabilities,
            EgressMonitor egress,
            Diligence diligence,
            Remediation remediation,
            CodeOfPractice codeOfPractice,
            AuditLog audit,
            TransactionTemplate transactions,
            JsonMapper json,
            Clock clock) {
        this.rows = rows;
        this.register = register;
        this.intel = intel;
        this.review = review;
        this.capabilities = capabilities;
        this.egress = egress;
        this.diligence = diligence;
        this.remediation = remediation;
        this.codeOfPractice = codeOfPractice;
        this.audit = audit;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /** A published version: its number, when and by whom, and the statement as it was. */
    public record Published(int version, Instant publishedAt, String publishedBy, Statement statement) {}

    /** The statement as it would be published now, for the body's officer (or an auditor) to review. */
    public Statement draft(Viewer viewer, long organisationId) {
        Organisation organisation = register.organisation(viewer, organisationId);
        Set<String> listed =
                review.listed().stream().map(NationalReview.Listed::makerId).collect(Collectors.toSet());
        List<Statement.Count> byPlace = rows.byPlace(organisationId).stream()
                .map(p -> new Statement.Count(
                        p.kind() == null
                                ? "No site given"
                                : SiteKind.valueOf(p.kind()).label(),
                        p.devices(),
                        false))
                .sorted(Comparator.comparingLong(Statement.Count::devices).reversed())
                .toList();
        List<Statement.Count> byMaker = rows.byMaker(organisationId).stream()
                .map(m -> new Statement.Count(
                        m.maker() == null
                                ? "Not yet identified"
                                : intel.bundle()
                                        .company(m.maker())
                                        .map(Company::name)
                                        .orElse(m.maker()),
                        m.devices(),
                        m.maker() != null && listed.contains(m.maker())))
                .sorted(Comparator.comparingLong(Statement.Count::devices).reversed())
                .toList();
        CapabilitySummary c = capabilities.summary(viewer, organisationId);
        List<AlertView> alerts = egress.alerts(viewer, organisationId, null);
        Instant analysed = rows.lastEgressAnalysis(organisationId);
        Map<String, Long> byRule = new TreeMap<>();
        alerts.forEach(a -> byRule.merge(a.title(), 1L, Long::sum));
        List<Statement.Diligence> asked = diligence.requestsOf(viewer, organisationId).stream()
                .map(r -> new Statement.Diligence(
                        r.supplier(), r.state(), r.standing().words()))
                .toList();
        Remediation.Plan plan = remediation.plan(viewer, organisationId);
        List<Statement.Action> actions = plan.actions().stream()
                .filter(a -> a.status() != ActionStatus.CANCELLED)
                .map(a -> new Statement.Action(
                        a.device(), a.action().label(), a.status().label(), a.targetDate()))
                .toList();
        List<Statement.CodeOfPractice> code = codeOfPractice.systems(viewer, organisationId).stream()
                .map(TransparencyStatements::assessed)
                .toList();
        return new Statement(
                organisationId,
                organisation.name(),
                organisation.sector().label(),
                organisation.region().label(),
                LocalDate.now(clock),
                byPlace.stream().mapToLong(Statement.Count::devices).sum(),
                byPlace,
                byMaker,
                new Statement.Capabilities(
                        c.devices(),
                        c.facePresent(),
                        c.faceOn(),
                        c.facePresent() - c.faceOn(),
                        c.cloudOn(),
                        c.servicesOn(),
                        c.vulnerable(),
                        c.lastAudit()),
                new Statement.Egress(
                        analysed != null || !alerts.isEmpty(),
                        analysed,
                        alerts.size(),
                        alerts.stream().filter(a -> a.status().equals("OPEN")).count(),
                        alerts.stream()
                                .filter(a -> a.status().equals("RESOLVED"))
                                .count(),
                        byRule.entrySet().stream()
                                .map(e -> new Statement.Count(e.getKey(), e.getValue(), false))
                                .toList()),
                asked,
                new Statement.Remediation(
                        plan.flagged().size(), plan.unplanned(), plan.open(), plan.overdue(), plan.done(), actions),
                code,
                intel.bundle().version().text());
    }

    private static Statement.CodeOfPractice assessed(CodeOfPractice.SystemStanding s) {
        CodeOfPractice.AssessmentSummary a = s.latest();
        if (a == null) {
            return new Statement.CodeOfPractice(s.system().name(), "Not yet assessed", 0, 0, null, 0);
        }
        String state = a.status().equals("COMPLETE") ? "Self-assessed" : "Self-assessment under way";
        return new Statement.CodeOfPractice(
                s.system().name(), state, a.scores().scored(), a.scores().max(), a.reviewDate(), a.openActions());
    }

    /** Publishes the statement as it stands now as the body's next version; returns its number. */
    public int publish(Viewer viewer, long organisationId) {
        register.organisation(viewer, organisationId);
        viewer.requireWrite(organisationId, "Organisation " + organisationId);
        Statement statement = draft(viewer, organisationId);
        String body = json.writeValueAsString(statement);
        return transactions.execute(status -> {
            int version = rows.latestVersion(organisationId) + 1;
            rows.insert(organisationId, version, Instant.now(clock), viewer.username(), body);
            audit.record(
                    viewer.username(),
                    "PUBLISH",
                    "transparency_statement",
                    (long) version,
                    organisationId,
                    "Published version " + version + " of " + statement.body() + "'s transparency statement",
                    null,
                    null);
            return version;
        });
    }

    /** A published version (the latest with null), for anyone. */
    public Published published(long organisationId, @org.jspecify.annotations.Nullable Integer version) {
        int v = version == null ? rows.latestVersion(organisationId) : version;
        StatementRows.Published p = rows.version(organisationId, v)
                .orElseThrow(
                        () -> new NotFoundException("A published transparency statement of body " + organisationId));
        return new Published(p.version(), p.publishedAt(), p.publishedBy(), json.readValue(p.body(), Statement.class));
    }

    /** A published version as a PDF. */
    public byte[] pdf(Published published) {
        return StatementPdf.of(published);
    }

    /** Every published version of a body, newest first. */
    public List<StatementRows.Published> versions(long organisationId) {
        return rows.versions(organisationId);
    }

    /** The bodies with a published statement: name, latest version, when. */
    public record Listed(long organisationId, String body, int version, Instant publishedAt) {}

    public List<Listed> all() {
        List<Listed> out = new ArrayList<>();
        for (StatementRows.Published p : rows.latestOfEach()) {
            out.add(new Listed(
                    p.organisationId(),
                    register.organisation(Viewer.SYSTEM, p.organisationId()).name(),
                    p.version(),
                    p.publishedAt()));
        }
        out.sort(Comparator.comparing(Listed::body));
        return out;
    }
}
