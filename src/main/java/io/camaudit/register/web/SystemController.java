package io.camaudit.register.web;

import io.camaudit.register.CameraSystem;
import io.camaudit.register.Organisation;
import io.camaudit.register.Procurement;
import io.camaudit.register.Register;
import io.camaudit.register.SystemDraft;
import io.camaudit.shared.ConflictException;
import io.camaudit.shared.Viewer;
import io.camaudit.shared.web.Forms;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Camera systems: one system's page and the add and change forms. */
@Controller
class SystemController {

    private final Register register;

    SystemController(Register register) {
        this.register = register;
    }

    @GetMapping("/systems/{id}")
    @PreAuthorize("isAuthenticated()")
    String show(Viewer viewer, @PathVariable long id, Model model) {
        CameraSystem system = register.system(viewer, id);
        model.addAttribute("system", system);
        model.addAttribute("organisation", register.organisation(viewer, system.organisationId()));
        model.addAttribute("canWrite", viewer.canWrite(system.organisationId()));
        return "systems/show";
    }

    @GetMapping("/organisations/{organisationId}/systems/new")
    @PreAuthorize("isAuthenticated()")
    String newForm(Viewer viewer, @PathVariable long organisationId, Model model) {
        Organisation organisation = writable(viewer, organisationId);
        model.addAttribute("form", new SystemForm());
        return form(model, organisation, null);
    }

    @PostMapping("/organisations/{organisationId}/systems/new")
    @PreAuthorize("isAuthenticated()")
    String create(
            Viewer viewer,
            @PathVariable long organisationId,
            @Valid @ModelAttribute("form") SystemForm form,
            BindingResult errors,
            Model model) {
        Organisation organisation = writable(viewer, organisationId);
        SystemDraft draft = draft(form, errors);
        if (draft == null) {
            return form(model, organisation, null);
        }
        try {
            return "redirect:/systems/"
                    + register.createSystem(viewer, organisationId, draft).id();
        } catch (ConflictException e) {
            errors.rejectValue("name", "taken", e.getMessage());
            return form(model, organisation, null);
        }
    }

    @GetMapping("/systems/{id}/edit")
    @PreAuthorize("isAuthenticated()")
    String editForm(Viewer viewer, @PathVariable long id, Model model) {
        CameraSystem system = register.system(viewer, id);
        Organisation organisation = writable(viewer, system.organisationId());
        model.addAttribute("form", SystemForm.of(system));
        return form(model, organisation, system);
    }

    @PostMapping("/systems/{id}/edit")
    @PreAuthorize("isAuthenticated()")
    String update(
            Viewer viewer,
            @PathVariable long id,
            @Valid @ModelAttribute("form") SystemForm form,
            BindingResult errors,
            Model model) {
        CameraSystem system = register.system(viewer, id);
        Organisation organisation = writable(viewer, system.organisationId());
        SystemDraft draft = draft(form, errors);
        if (draft == null) {
            return form(model, organisation, system);
        }
        try {
            register.updateSystem(viewer, id, draft);
            return "redirect:/systems/" + id;
        } catch (ConflictException e) {
            errors.rejectValue("name", "taken", e.getMessage());
            return form(model, organisation, system);
        }
    }

    private Organisation writable(Viewer viewer, long organisationId) {
        Organisation organisation = register.organisation(viewer, organisationId);
        viewer.requireWrite(organisationId, "Organisation " + organisationId);
        return organisation;
    }

    private static @Nullable SystemDraft draft(SystemForm form, BindingResult errors) {
        LocalDate date = Forms.date(form.getContractDate(), "contractDate", errors, "Contract date");
        BigDecimal value = Forms.money(form.getContractValue(), "contractValue", errors, "Contract value");
        if (errors.hasErrors()) {
            return null;
        }
        return Forms.build(
                () -> new SystemDraft(
                        form.getName(),
                        form.getOperator(),
                        form.getPurpose(),
                        form.getInstaller(),
                        form.getRecorder(),
                        new Procurement(form.getSupplier(), form.getContractReference(), date, value)),
                errors);
    }

    private static String form(Model model, Organisation organisation, @Nullable CameraSystem system) {
        model.addAttribute("organisation", organisation);
        model.addAttribute("system", system);
        return "systems/form";
    }
}
