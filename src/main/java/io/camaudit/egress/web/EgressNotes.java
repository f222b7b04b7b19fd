package io.camaudit.egress.web;

import io.camaudit.egress.AlertView;
import io.camaudit.egress.EgressMonitor;
import io.camaudit.register.Device;
import io.camaudit.register.DeviceNotes;
import io.camaudit.register.Organisation;
import io.camaudit.register.OrganisationNotes;
import io.camaudit.shared.Viewer;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** On a device's page, what it was seen reaching outside; on an organisation's, its open egress alerts. */
@Component
@Order(30) // after who made it, the policy and the capabilities
class EgressNotes implements DeviceNotes, OrganisationNotes, io.camaudit.register.SiteNotes {

    private final EgressMonitor monitor;

    EgressNotes(EgressMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public List<Note> notesFor(Viewer viewer, Device device) {
        List<AlertView> alerts = monitor.deviceAlerts(viewer, device.organisationId(), device.id());
        if (alerts.isEmpty()) {
            return List.of();
        }
        long open = alerts.stream().filter(a -> !a.status().equals("RESOLVED")).count();
        return List.of(new Note(
                "Outbound traffic",
                open == 0 ? "All alerts resolved" : open + (open == 1 ? " alert" : " alerts") + " not resolved",
                open == 0 ? "govuk-tag--green" : "govuk-tag--red",
                alerts.stream()
                        .limit(10)
                        .map(a -> a.summary() + " (" + a.status().toLowerCase(java.util.Locale.ROOT) + ", alert "
                                + a.id() + ")")
                        .toList()));
    }

    @Override
    public List<Note> notesFor(Viewer viewer, io.camaudit.register.Site site) {
        List<AlertView> alerts = monitor.siteAlerts(viewer, site.organisationId(), site.id());
        long open = alerts.stream().filter(a -> !a.status().equals("RESOLVED")).count();
        if (open == 0) {
            return List.of();
        }
        return List.of(new Note(
                "Outbound traffic",
                open + (open == 1 ? " alert" : " alerts") + " not resolved at this site",
                "govuk-tag--red",
                alerts.stream()
                        .filter(a -> !a.status().equals("RESOLVED"))
                        .limit(10)
                        .map(a -> a.summary() + " (alert " + a.id() + ")")
                        .toList()));
    }

    @Override
    public List<Note> notesFor(Viewer viewer, Organisation organisation) {
        List<AlertView> open = monitor.alerts(viewer, organisation.id(), "OPEN");
        if (open.isEmpty()) {
            return List.of();
        }
        long high = open.stream().filter(a -> a.severity().equals("HIGH")).count();
        return List.of(new Note(
                "Outbound traffic",
                open.size() + " open " + (open.size() == 1 ? "alert" : "alerts")
                        + (high > 0 ? ", " + high + " high" : ""),
                high > 0 ? "govuk-tag--red" : "govuk-tag--orange",
                open.stream().limit(5).map(AlertView::summary).toList()));
    }
}
