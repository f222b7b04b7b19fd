package io.camaudit.capability.web;

import io.camaudit.capability.CapabilityAudits;
import io.camaudit.capability.CapabilitySummary;
import io.camaudit.capability.ResultDetail;
import io.camaudit.capability.ResultView;
import io.camaudit.register.Device;
import io.camaudit.register.DeviceNotes;
import io.camaudit.register.Organisation;
import io.camaudit.register.OrganisationNotes;
import io.camaudit.shared.Viewer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** On a device's page, its capability matrix as last audited; on an organisation's, the summary of its devices. */
@Component
@org.springframework.core.annotation.Order(20) // after who made it and what the policy says
class CapabilityNotes implements DeviceNotes, OrganisationNotes {

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).withZone(ZoneId.of("Europe/London"));

    private final CapabilityAudits audits;

    CapabilityNotes(CapabilityAudits audits) {
        this.audits = audits;
    }

    @Override
    public List<Note> notesFor(Viewer viewer, Device device) {
        Optional<ResultView> latest = audits.latestForDevice(viewer, device.organisationId(), device.id());
        if (latest.isEmpty()) {
            return List.of(new Note(
                    "Capabilities",
                    "Not audited yet",
                    "",
                    List.of("A capability audit of the body's network reads it.")));
        }
        ResultView result = latest.get();
        List<String> details = new ArrayList<>();
        for (ResultDetail.FeatureRow f : result.detail().features()) {
            if (!f.standing().equals("UNKNOWN") && !f.standing().equals("ABSENT")) {
                details.add(f.label() + ": " + f.standingLabel()
                        + (f.details().isEmpty() ? "" : " (" + String.join("; ", f.details()) + ")")
                        + (f.contradictory() ? "; the device's documents disagree" : ""));
            }
        }
        for (ResultDetail.VulnerabilityRow v : result.detail().vulnerabilities()) {
            details.add(v.cve() + ": " + v.exposureLabel() + ". " + v.reason());
        }
        for (ResultDetail.ChangeRow c : result.detail().changes()) {
            details.add("Since the last audit: " + c.description());
        }
        long concerns = result.concerns();
        String value = "Audit " + result.auditId() + ", " + DATE.format(result.recordedAt()) + ": "
                + (concerns == 0
                        ? "nothing needs attention"
                        : concerns + (concerns == 1 ? " finding needs" : " findings need") + " attention")
                + (result.detail().vulnerabilities().isEmpty() ? "" : "; known exploited vulnerabilities match");
        String tag =
                concerns > 0 || !result.detail().vulnerabilities().isEmpty() ? "govuk-tag--red" : "govuk-tag--green";
        details.add("Read " + result.detail().access() + "; the matrix and its evidence are at /capability-audits/"
                + result.auditId() + "/results/" + result.id());
        return List.of(new Note("Capabilities", value, tag, details));
    }

    @Override
    public List<Note> notesFor(Viewer viewer, Organisation organisation) {
        CapabilitySummary summary = audits.summary(viewer, organisation.id());
        String tag = summary.devices() == 0
                ? ""
                : summary.undeclared() + summary.cloudOn() + summary.vulnerable() > 0
                        ? "govuk-tag--red"
                        : "govuk-tag--green";
        String value = summary.devices() == 0
                ? "Not audited yet"
                : summary.faceOn() + summary.undeclared() + summary.cloudOn() + summary.vulnerable() == 0
                        ? "Nothing needs attention"
                        : "Findings need attention";
        return List.of(new Note("Capabilities", value, tag, List.of(summary.sentence())));
    }
}
