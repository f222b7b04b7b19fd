package io.camaudit.risk.web;

import io.camaudit.risk.Risks;
import io.camaudit.shared.Viewer;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A body's risk: its score, its sites', and each device's with the factors behind it. */
@Controller
class RiskController {

    private final Risks risks;

    RiskController(Risks risks) {
        this.risks = risks;
    }

    @GetMapping("/organisations/{id}/risk")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER', 'AUDITOR')")
    String risk(Viewer viewer, @PathVariable long id, Model model) {
        model.addAttribute("risk", risks.of(viewer, id));
        return "risk/body";
    }
}
