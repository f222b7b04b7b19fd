package io.camaudit.campaign.web;

import io.camaudit.campaign.Campaigns;
import io.camaudit.register.DeviceNotes;
import io.camaudit.register.Organisation;
import io.camaudit.register.OrganisationNotes;
import io.camaudit.shared.Viewer;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** On a body's page: the information requests it has not yet answered. */
@Component
@Order(45)
class CampaignNotes implements OrganisationNotes {

    private final Campaigns campaigns;

    CampaignNotes(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public List<DeviceNotes.Note> notesFor(Viewer viewer, Organisation organisation) {
        List<Campaigns.RequestView> open = campaigns.requestsOf(viewer, organisation.id()).stream()
                .filter(Campaigns.RequestView::open)
                .toList();
        if (open.isEmpty()) {
            return List.of();
        }
        return List.of(new DeviceNotes.Note(
                "Information requests",
                open.size() + " to answer",
                open.stream().anyMatch(r -> r.standing().startsWith("no answer"))
                        ? "govuk-tag--red"
                        : "govuk-tag--yellow",
                open.stream()
                        .map(r -> r.campaign() + ": " + r.standing() + " (request " + r.id() + ")")
                        .toList()));
    }
}
