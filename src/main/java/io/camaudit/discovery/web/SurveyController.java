package io.camaudit.discovery.web;

import io.camaudit.discovery.SurveyRequest;
import io.camaudit.discovery.SurveyResults;
import io.camaudit.discovery.Surveys;
import io.camaudit.discovery.engine.OnvifCredentials;
import io.camaudit.register.Device;
import io.camaudit.register.Organisation;
import io.camaudit.register.Register;
import io.camaudit.shared.BadInputException;
import io.camaudit.shared.ConflictException;
import io.camaudit.shared.Viewer;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A body's network surveys: the permitted ranges, starting one, its progress and what it found. */
@Controller
class SurveyController {

    private final Surveys surveys;
    private final Register register;

    SurveyController(Surveys surveys, Register register) {
        this.surveys = surveys;
        this.register = register;
    }

    @GetMapping("/organisations/{id}/surveys")
    @PreAuthorize("isAuthenticated()")
    String list(Viewer viewer, @PathVariable long id, Model model) {
        return page(viewer, id, new SurveyForm(), model);
    }

    @PostMapping("/organisations/{id}/surveys")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    String start(
            Viewer viewer,
            @PathVariable long id,
            @ModelAttribute("form") SurveyForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (form.getScope() == null || form.getScope().isBlank()) {
            errors.rejectValue("scope", "required", "Enter the addresses to survey, such as 10.20.0.0/24");
        }
        if (form.getRate() == null) {
            errors.rejectValue("rate", "required", "Enter the packets a second");
        }
        if (form.getConcurrency() == null) {
            errors.rejectValue("concurrency", "required", "Enter the hosts to survey at a time");
        }
        boolean hasUser = form.getUsername() != null && !form.getUsername().isBlank();
        boolean hasPassword = form.getPassword() != null && !form.getPassword().isEmpty();
        if (hasUser != hasPassword) {
            errors.rejectValue(
                    hasUser ? "password" : "username",
                    "required",
                    "Enter both the ONVIF user name and its password, or neither");
        }
        if (!errors.hasErrors()) {
            try {
                long surveyId = surveys.start(
                        viewer,
                        id,
                        new SurveyRequest(
                                List.of(form.getScope()),
                                form.getExclude() == null || form.getExclude().isBlank()
                                        ? List.of()
                                        : List.of(form.getExclude()),
                                form.getRate(),
                                form.getConcurrency(),
                                hasUser
                                        ? new OnvifCredentials(
                                                form.getUsername().strip(), form.getPassword())
                                        : null));
                redirect.addFlashAttribute("notice", "The survey has started.");
                return "redirect:/surveys/" + surveyId;
            } catch (BadInputException | ConflictException e) {
                errors.rejectValue("scope", "invalid", e.getMessage());
            }
        }
        form.setPassword(null);
        model.addAttribute("hasErrors", true);
        return page(viewer, id, form, model);
    }

    @PostMapping("/organisations/{id}/surveys/passive")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    String passive(
            Viewer viewer,
            @PathVariable long id,
            @RequestParam(required = false) org.springframework.web.multipart.@Nullable MultipartFile file,
            Model model,
            RedirectAttributes redirect)
            throws java.io.IOException {
        String problem = null;
        if (file == null || file.isEmpty()) {
            problem =
                    "Select a file: nmap XML, an ARP table, DHCP leases, a switch MAC table or a list of MAC addresses";
        } else if (file.getSize() > io.camaudit.discovery.engine.PassiveImport.MAX_BYTES) {
            problem = "The file is larger than 20 MB";
        } else {
            try {
                long surveyId = surveys.importPassive(
                        viewer,
                        id,
                        file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename(),
                        file.getBytes());
                redirect.addFlashAttribute("notice", "The file is read; decide below what goes into the register.");
                return "redirect:/surveys/" + surveyId;
            } catch (BadInputException e) {
                problem = e.getMessage();
            }
        }
        model.addAttribute("fileError", problem);
        model.addAttribute("hasErrors", true);
        return page(viewer, id, new SurveyForm(), model);
    }

    @PostMapping("/organisations/{id}/survey-permit")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    String permit(
            Viewer viewer,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String ranges,
            Model model,
            RedirectAttributes redirect) {
        try {
            surveys.setPermit(viewer, id, ranges);
        } catch (BadInputException e) {
            model.addAttribute("permitError", e.getMessage());
            model.addAttribute("hasErrors", true);
            return page(viewer, id, new SurveyForm(), model);
        }
        redirect.addFlashAttribute("notice", "The permitted ranges are saved.");
        return "redirect:/organisations/" + id + "/surveys";
    }

    @GetMapping("/surveys/{id}")
    @PreAuthorize("isAuthenticated()")
    String show(Viewer viewer, @PathVariable long id, Model model, jakarta.servlet.http.HttpServletResponse response) {
        SurveyResults results = surveys.results(viewer, id);
        if (results.survey().running()) {
            response.setHeader("Refresh", "3"); // the page follows the survey until it ends
        }
        model.addAttribute("results", results);
        model.addAttribute("survey", results.survey());
        model.addAttribute("canWrite", viewer.canWrite(results.survey().row().organisationId()));
        return "surveys/show";
    }

    @PostMapping("/surveys/{id}/cancel")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    String cancel(Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
        try {
            surveys.cancel(viewer, id);
            redirect.addFlashAttribute("notice", "The survey is stopping; hosts under way finish first.");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("notice", e.getMessage());
        }
        return "redirect:/surveys/" + id;
    }

    @PostMapping("/surveys/{id}/hosts/{hostId}/accept")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    String accept(Viewer viewer, @PathVariable long id, @PathVariable long hostId, RedirectAttributes redirect) {
        try {
            Device device = surveys.accept(viewer, id, hostId);
            redirect.addFlashAttribute(
                    "notice", "The register now has " + device.facts().describe() + ".");
        } catch (ConflictException | BadInputException | IllegalArgumentException e) {
            redirect.addFlashAttribute("notice", "Not accepted: " + e.getMessage());
        }
        return "redirect:/surveys/" + id;
    }

    @PostMapping("/surveys/{id}/hosts/{hostId}/reject")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    String reject(Viewer viewer, @PathVariable long id, @PathVariable long hostId, RedirectAttributes redirect) {
        try {
            surveys.reject(viewer, id, hostId);
            redirect.addFlashAttribute("notice", "The finding is rejected; the register is unchanged.");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("notice", e.getMessage());
        }
        return "redirect:/surveys/" + id;
    }

    private String page(Viewer viewer, long id, SurveyForm form, Model model) {
        Organisation organisation = register.organisation(viewer, id);
        model.addAttribute("organisation", organisation);
        model.addAttribute("surveys", surveys.surveysOf(viewer, id));
        model.addAttribute("permit", surveys.permit(viewer, id));
        model.addAttribute("canWrite", viewer.canWrite(id));
        model.addAttribute("isAdministrator", viewer.isAdministrator());
        model.addAttribute("form", form);
        model.addAttribute("rules", surveys.fingerprints().version());
        return "surveys/list";
    }
}
