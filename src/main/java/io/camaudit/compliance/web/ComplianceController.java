package io.camaudit.compliance.web;

import io.camaudit.compliance.CodeOfPractice;
import io.camaudit.register.Register;
import io.camaudit.shared.BadInputException;
import io.camaudit.shared.ConflictException;
import io.camaudit.shared.Viewer;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A body's Code of Practice self-assessments: its systems, one assessment, its answers and action plan. */
@Controller
class ComplianceController {

    private final CodeOfPractice code;
    private final Register register;

    ComplianceController(CodeOfPractice code, Register register) {
        this.code = code;
        this.register = register;
    }

    @GetMapping("/organisations/{id}/compliance")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER', 'AUDITOR')")
    String systems(Viewer viewer, @PathVariable long id, Model model) {
        model.addAttribute("organisation", register.organisation(viewer, id));
        model.addAttribute("systems", code.systems(viewer, id));
        model.addAttribute("reminders", code.reminders(viewer, id));
        model.addAttribute("canWrite", viewer.canWrite(id));
        return "compliance/systems";
    }

    @PostMapping("/systems/{systemId}/compliance")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    String begin(Viewer viewer, @PathVariable long systemId, RedirectAttributes redirect) {
        try {
            return "redirect:/compliance-assessments/" + code.begin(viewer, systemId);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/organisations/"
                    + register.system(viewer, systemId).organisationId() + "/compliance";
        }
    }

    @GetMapping("/compliance-assessments/{id}")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER', 'AUDITOR')")
    String assessment(Viewer viewer, @PathVariable long id, Model model) {
        model.addAttribute("a", code.assessment(viewer, id));
        model.addAttribute("defaultReview", LocalDate.now().plusYears(1));
        model.addAttribute("defaultDue", LocalDate.now().plusMonths(3));
        return "compliance/assessment";
    }

    /** Answers as {@code answer-<question>}; {@code action=complete} with {@code review} completes it. */
    @PostMapping("/compliance-assessments/{id}")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    String save(
            Viewer viewer,
            @PathVariable long id,
            @RequestParam Map<String, String> form,
            @RequestParam(name = "action", defaultValue = "save") String action,
            RedirectAttributes redirect) {
        Map<String, String> answers = new HashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("answer-")) {
                answers.put(k.substring("answer-".length()), v);
            }
        });
        try {
            LocalDate review = null;
            if (action.equals("complete")) {
                review = io.camaudit.shared.web.Dates.fromForm(form, "review", "the review date", false);
            }
            code.save(viewer, id, answers, review);
            redirect.addFlashAttribute(
                    "notice", review == null ? "The answers are saved." : "The self-assessment is complete.");
        } catch (BadInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/compliance-assessments/" + id;
    }

    @PostMapping("/compliance-assessments/{id}/actions")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    String addAction(
            Viewer viewer,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String principle,
            @RequestParam(name = "text", defaultValue = "") String text,
            @RequestParam(defaultValue = "") String owner,
            @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        try {
            LocalDate when = io.camaudit.shared.web.Dates.fromForm(form, "due", "the due date", true);
            code.addAction(viewer, id, principle, text, owner, when);
            redirect.addFlashAttribute("notice", "The action is in the plan.");
        } catch (BadInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/compliance-assessments/" + id + "#actions";
    }

    @PostMapping("/compliance-actions/{actionId}/done")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    String done(Viewer viewer, @PathVariable long actionId, @RequestParam long assessment) {
        code.actionDone(viewer, actionId);
        return "redirect:/compliance-assessments/" + assessment + "#actions";
    }
}
