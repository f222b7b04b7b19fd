package io.camaudit.compliance.web;

import io.camaudit.compliance.CodeOfPractice;
import io.camaudit.register.DeviceNotes;
import io.camaudit.register.Organisation;
import io.camaudit.register.OrganisationNotes;
import io.camaudit.shared.Viewer;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** On a body's page: the Code of Practice reminders (systems not assessed, drafts, reviews due or overdue). */
@Component
@Order(40)
class ComplianceNotes implements OrganisationNotes {

    private final CodeOfPractice code;

    ComplianceNotes(CodeOfPractice code) {
        this.code = code;
    }

    @Override
    public List<DeviceNotes.Note> notesFor(Viewer viewer, Organisation organisation) {
        List<String> reminders = code.reminders(viewer, organisation.id());
        if (reminders.isEmpty()) {
            return List.of();
        }
        return List.of(new DeviceNotes.Note(
                "Code of Practice",
                reminders.size() + (reminders.size() == 1 ? " reminder" : " reminders"),
                reminders.stream().anyMatch(r -> r.contains("overdue")) ? "govuk-tag--red" : "govuk-tag--yellow",
                reminders));
    }
}
