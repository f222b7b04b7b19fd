package io.camaudit.risk.web;

import io.camaudit.register.Device;
import io.camaudit.register.DeviceNotes;
import io.camaudit.risk.Risks;
import io.camaudit.risk.engine.RiskModel;
import io.camaudit.shared.Viewer;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** On a device's page: its risk score and the factors that make it. */
@Component
@Order(35)
class RiskNotes implements DeviceNotes {

    private final Risks risks;

    RiskNotes(Risks risks) {
        this.risks = risks;
    }

    @Override
    public List<Note> notesFor(Viewer viewer, Device device) {
        return risks.ofDevice(viewer, device.organisationId(), device.id())
                .map(r -> List.of(new Note(
                        "Risk",
                        r.score().score() + " of 100 ("
                                + r.score().band().label().toLowerCase(java.util.Locale.ROOT) + ")",
                        tag(r.score().band()),
                        r.score().factors().stream()
                                .map(a -> "+" + a.factor().weight() + " "
                                        + a.factor().title() + ": " + a.evidence())
                                .toList())))
                .orElse(List.of());
    }

    static String tag(RiskModel.Band band) {
        return switch (band) {
            case HIGH -> "govuk-tag--red";
            case MEDIUM -> "govuk-tag--orange";
            case LOW -> "govuk-tag--yellow";
            case NONE -> "govuk-tag--green";
        };
    }
}
