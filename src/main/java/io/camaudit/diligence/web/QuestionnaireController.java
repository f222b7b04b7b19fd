package io.camaudit.diligence.web;

import io.camaudit.diligence.Questionnaires;
import io.camaudit.shared.BadInputException;
import io.camaudit.shared.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Questionnaire templates: every version, one version's questions, and an administrator's new version. */
@Controller
class QuestionnaireController {

    private final Questionnaires questionnaires;

    QuestionnaireController(Questionnaires questionnaires) {
        this.questionnaires = questionnaires;
    }

    @GetMapping("/diligence/questionnaires")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER', 'AUDITOR')")
    String list(Model model) {
        model.addAttribute("questionnaires", questionnaires.all());
        return "diligence/questionnaires";
    }

    @GetMapping("/diligence/questionnaires/{id}")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER', 'AUDITOR')")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("id", id);
        model.addAttribute("questionnaire", questionnaires.of(id));
        return "diligence/questionnaire";
    }

    /** The form for a new version, starting from the text of the version given (or empty). */
    @GetMapping("/diligence/questionnaires/new")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    String form(@RequestParam(required = false) @Nullable Long from, Model model) {
        if (!model.containsAttribute("json")) {
            model.addAttribute("json", from == null ? "" : questionnaires.json(from));
        }
        return "diligence/questionnaire-form";
    }

    @PostMapping("/diligence/questionnaires")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    String add(Viewer viewer, @RequestParam(defaultValue = "") String json, Model model, RedirectAttributes redirect) {
        try {
            long id = questionnaires.add(viewer, json);
            redirect.addFlashAttribute("notice", "The questionnaire version is stored.");
            return "redirect:/diligence/questionnaires/" + id;
        } catch (BadInputException e) {
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("json", json);
            return "diligence/questionnaire-form";
        }
    }
}
