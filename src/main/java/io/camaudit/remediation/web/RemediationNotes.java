package io.camaudit.remediation.web;

import io.camaudit.register.Device;
import io.camaudit.register.DeviceNotes;
import io.camaudit.remediation.Remediation;
import io.camaudit.shared.Viewer;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** On a device's page: what its body plans to do about it, and how far it has got. */
@Component
@Order(40)
class RemediationNotes implements DeviceNotes {

    private final Remediation remediation;

    RemediationNotes(Remediation remediation) {
        this.remediation = remediation;
    }

    @Override
    public List<Note> notesFor(Viewer viewer, Device device) {
        List<Remediation.ActionView> actions = remediation.actionsOf(viewer, device);
        if (actions.isEmpty()) {
            return List.of();
        }
        Remediation.ActionView a = actions.get(0);
        String tag = a.overdue()
                ? "govuk-tag--red"
                : switch (a.status()) {
                    case DONE -> "govuk-tag--green";
                    case CANCELLED -> "govuk-tag--grey";
                    default -> "govuk-tag--yellow";
                };
        return List.of(new Note(
                "Remediation",
                a.action().label() + ": " + a.status().label() + (a.overdue() ? ", overdue" : ""),
                tag,
                a.note() == null ? List.of(owner(a)) : List.of(owner(a), a.note())));
    }

    private static String owner(Remediation.ActionView a) {
        return "Owner: " + a.owner() + "; target date " + a.targetDate()
                + (a.costPence() == null ? "" : "; cost estimate " + a.cost());
    }
}
