package io.camaudit.diligence.web;

import io.camaudit.account.NewSecret;
import io.camaudit.diligence.Diligence;
import io.camaudit.diligence.DiligenceMail;
import io.camaudit.diligence.DiligenceViews.RequestDetail;
import io.camaudit.diligence.Questionnaires;
import io.camaudit.register.Register;
import io.camaudit.shared.BadInputException;
import io.camaudit.shared.Role;
import io.camaudit.shared.Viewer;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Due diligence for staff: the requests they may see, suppliers, sending, one request's page and its review. */
@Controller
class DiligenceController {

    private final Diligence diligence;
    private final Questionnaires questionnaires;
    private final DiligenceMail mail;
    private final Register register;

    DiligenceController(Diligence diligence, Questionnaires questionnaires, DiligenceMail mail, Register register) {
        this.diligence = diligence;
        this.questionnaires = questionnaires;
        this.mail = mail;
        this.register = register;
    }

    @GetMapping("/diligence")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER', 'AUDITOR')")
    String list(Viewer viewer, Model model) {
        model.addAttribute("requests", diligence.requests(viewer));
        model.addAttribute("mailConfigured", mail.configured());
        return "diligence/list";
    }

    // -- suppliers --------------------------------------------------------------------------------

    @GetMapping("/diligence/suppliers")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER', 'AUDITOR')")
    String suppliers(Viewer viewer, Model model) {
        model.addAttribute("suppliers", diligence.suppliers(viewer));
        model.addAttribute("companies", diligence.companies());
        return "diligence/suppliers";
    }

    @PostMapping("/diligence/suppliers")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER', 'AUDITOR')")
    String addSupplier(
            Viewer viewer,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String company,
            @RequestParam(defaultValue = "") String contactName,
            @RequestParam(defaultValue = "") String email,
            RedirectAttributes redirect) {
        try {
            long id = diligence.addSupplier(viewer, name, company, contactName, email);
            redirect.addFlashAttribute("notice", name.strip() + " is added.");
            return "redirect:/diligence/suppliers/" + id;
        } catch (BadInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/diligence/suppliers#add";
        }
    }

    @GetMapping("/diligence/suppliers/{id}")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER', 'AUDITOR')")
    String supplier(Viewer viewer, @PathVariable long id, Model model) {
        model.addAttribute("supplier", diligence.supplier(viewer, id));
        model.addAttribute(
                "requests",
                diligence.requests(viewer).stream()
                        .filter(r -> r.supplierId() == id)
                        .toList());
        return "diligence/supplier";
    }

    @PostMapping("/diligence/suppliers/{id}/account")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    String addAccount(
            Viewer viewer, @PathVariable long id, @RequestParam(defaultValue = "") String username, Model model) {
        try {
            NewSecret secret = diligence.addAccount(viewer, id, username);
            model.addAttribute("created", username.strip());
            model.addAttribute("password", secret.secret());
        } catch (BadInputException | io.camaudit.shared.ConflictException e) {
            model.addAttribute("problem", e.getMessage());
        }
        return supplier(viewer, id, model);
    }

    // -- sending ----------------------------------------------------------------------------------

    @GetMapping("/diligence/requests/new")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER', 'AUDITOR')")
    String newRequest(Viewer viewer, @RequestParam(required = false) @Nullable Long supplier, Model model) {
        model.addAttribute("suppliers", diligence.suppliers(viewer));
        model.addAttribute("questionnaires", questionnaires.current());
        model.addAttribute(
                "organisations",
                viewer.role() == Role.OFFICER
                        ? java.util.List.of(register.organisation(viewer, viewer.organisationId()))
                        : viewer.isAdministrator() ? register.organisations(viewer) : java.util.List.of());
        model.addAttribute("commissioner", viewer.role() != Role.OFFICER);
        model.addAttribute("chosenSupplier", supplier);
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("defaultDeadline", LocalDate.now().plusDays(28));
        model.addAttribute("mailConfigured", mail.configured());
        return "diligence/new";
    }

    @PostMapping("/diligence/requests")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER', 'AUDITOR')")
    String send(
            Viewer viewer,
            @RequestParam(required = false) @Nullable Long supplier,
            @RequestParam(required = false) @Nullable Long questionnaire,
            @RequestParam(defaultValue = "") String onBehalfOf,
            @RequestParam Map<String, String> form,
            @RequestParam(defaultValue = "LINK") String access,
            @RequestParam(defaultValue = "false") boolean published,
            @RequestParam(defaultValue = "false") boolean email,
            RedirectAttributes redirect) {
        try {
            if (supplier == null || questionnaire == null) {
                throw new BadInputException("Choose the supplier and the questionnaire");
            }
            Long organisation =
                    onBehalfOf.equals("commissioner") || onBehalfOf.isBlank() && viewer.role() != Role.OFFICER
                            ? null
                            : parseOrganisation(onBehalfOf, viewer);
            long id = diligence.send(
                    viewer,
                    new Diligence.Ask(
                            supplier,
                            questionnaire,
                            organisation,
                            io.camaudit.shared.web.Dates.fromForm(form, "askedOn", "the date asked", true),
                            io.camaudit.shared.web.Dates.fromForm(form, "deadline", "the deadline", false),
                            access,
                            published,
                            email));
            redirect.addFlashAttribute(
                    "notice", "The request is recorded" + (email ? " and queued to be sent" : "") + ".");
            return "redirect:/diligence/requests/" + id;
        } catch (BadInputException | io.camaudit.shared.ForbiddenException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/diligence/requests/new" + (supplier == null ? "" : "?supplier=" + supplier);
        }
    }

    private static Long parseOrganisation(String value, Viewer viewer) {
        if (value.isBlank()) {
            return viewer.organisationId();
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadInputException("Choose whom the request is from");
        }
    }

    /**
     * A GOV.UK date input's three fields ({@code name-day}, {@code name-month}, {@code name-year}),
     * or one ISO date field {@code name} (scripts); null where all are empty and that is allowed.
     */
    // -- one request ------------------------------------------------------------------------------

    @GetMapping("/diligence/requests/{id}")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER', 'AUDITOR')")
    String request(Viewer viewer, @PathVariable long id, Model model) {
        RequestDetail detail = diligence.request(viewer, id);
        model.addAttribute("detail", detail);
        model.addAttribute("outcomes", Diligence.Outcome.values());
        model.addAttribute("mailConfigured", mail.configured());
        return "diligence/request";
    }

    @PostMapping("/diligence/requests/{id}/link")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER', 'AUDITOR')")
    String link(Viewer viewer, @PathVariable long id, Model model, RedirectAttributes redirect) {
        try {
            model.addAttribute("link", diligence.newLink(viewer, id));
        } catch (BadInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/diligence/requests/" + id;
        }
        return request(viewer, id, model);
    }

    @PostMapping("/diligence/requests/{id}/withdraw")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER', 'AUDITOR')")
    String withdraw(Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
        diligence.withdraw(viewer, id);
        redirect.addFlashAttribute("notice", "The request is withdrawn.");
        return "redirect:/diligence/requests/" + id;
    }

    @PostMapping("/diligence/requests/{id}/reopen")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER', 'AUDITOR')")
    String reopen(Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
        try {
            diligence.reopen(viewer, id);
            redirect.addFlashAttribute("notice", "The supplier can change and submit its answers again.");
        } catch (BadInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/diligence/requests/" + id;
    }

    /** Scores as a form of {@code score-<question>} and {@code comment-<question>}: the ones given are saved. */
    @PostMapping("/diligence/requests/{id}/scores")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER', 'AUDITOR')")
    String scores(
            Viewer viewer, @PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        int saved = 0;
        try {
            for (Map.Entry<String, String> e : form.entrySet()) {
                if (!e.getKey().startsWith("score-") || e.getValue().isBlank()) {
                    continue;
                }
                String question = e.getKey().substring("score-".length());
                int score;
                try {
                    score = Integer.parseInt(e.getValue().strip());
                } catch (NumberFormatException notANumber) {
                    throw new BadInputException("The score for " + question + " must be a whole number");
                }
                diligence.score(viewer, id, question, score, form.get("comment-" + question));
                saved++;
            }
            redirect.addFlashAttribute("notice", saved + (saved == 1 ? " score is" : " scores are") + " saved.");
        } catch (BadInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/diligence/requests/" + id + "#scores";
    }

    @PostMapping("/diligence/requests/{id}/outcome")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER', 'AUDITOR')")
    String outcome(
            Viewer viewer,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String outcome,
            @RequestParam(defaultValue = "") String reasons,
            RedirectAttributes redirect) {
        try {
            Diligence.Outcome chosen;
            try {
                chosen = Diligence.Outcome.valueOf(outcome);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("Choose the outcome");
            }
            diligence.decide(viewer, id, chosen, reasons);
            redirect.addFlashAttribute("notice", "The outcome is recorded: " + chosen.label() + ".");
        } catch (BadInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/diligence/requests/" + id + "#outcome";
    }

    @PostMapping("/diligence/requests/{id}/messages")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER', 'AUDITOR')")
    String message(
            Viewer viewer,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String body,
            RedirectAttributes redirect) {
        try {
            diligence.message(viewer, id, body);
            redirect.addFlashAttribute("notice", "The message is on the record and queued for the supplier.");
        } catch (BadInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/diligence/requests/" + id + "#messages";
    }

    @GetMapping("/diligence/requests/{id}/files/{fileId}")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER', 'AUDITOR')")
    ResponseEntity<byte[]> file(Viewer viewer, @PathVariable long id, @PathVariable long fileId) {
        return Downloads.of(diligence.file(viewer, id, fileId));
    }
}
