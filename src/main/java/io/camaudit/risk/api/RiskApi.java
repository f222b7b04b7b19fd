package io.camaudit.risk.api;

import io.camaudit.risk.Risks;
import io.camaudit.shared.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Risk scores as JSON. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Risk", description = "Risk scores of a body's devices, sites and itself, with their factors")
class RiskApi {

    private final Risks risks;

    RiskApi(Risks risks) {
        this.risks = risks;
    }

    @GetMapping("/organisations/{id}/risk")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER', 'AUDITOR')")
    @Operation(
            summary = "The body's risk: its score, its sites', each device's with its factors, and the model's factors")
    Risks.BodyRisk risk(Viewer viewer, @PathVariable long id) {
        return risks.of(viewer, id);
    }
}
