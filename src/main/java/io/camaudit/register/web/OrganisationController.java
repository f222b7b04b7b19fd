package io.camaudit.register.web;

import io.camaudit.register.Organisation;
import io.camaudit.register.OrganisationDraft;
import io.camaudit.register.Region;
import io.camaudit.register.Register;
import io.camaudit.register.Sector;
import io.camaudit.shared.ConflictException;
import io.camaudit.shared.Viewer;
import io.camaudit.shared.web.Forms;
import io.camaudit.shared.web.SelectOption;
import jakarta.validation.Valid;
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

/** Organisations: the list, one body's page, and the add and change forms. */
@Controller
class OrganisationController {

    private final Register register;

    private final java.util.List<io.camaudit.register.OrganisationNotes> notes;

    OrganisationController(Register register, java.util.List<io.camaudit.register.OrganisationNotes> notes) {
        this.register = register;
        this.notes = notes;
    }

    @GetMapping("/organisations")
    @PreAuthorize("isAuthenticated()")
    String list(
            Viewer viewer,
            @RequestParam(required = false) @Nullable Sector sector,
            @RequestParam(required = false) @Nullable Region region,
            @RequestParam(required = false) @Nullable String q,
            Model model) {
        if (!viewer.seesEverything()) {
            return "redirect:/organisations/" + viewer.organisationId();
        }
        model.addAttribute("organisations", register.organisations(viewer, sector, region, q));
        model.addAttribute("sector", sector);
        model.addAttribute("region", region);
        model.addAttribute("q", q);
        model.addAttribute("sectors", SelectOption.of(Sector.class));
        model.addAttribute("regions", SelectOption.of(Region.class));
        return "organisations/list";
    }

    @GetMapping("/organisations/{id}")
    @PreAuthorize("isAuthenticated()")
    String show(Viewer viewer, @PathVariable long id, Model model) {
        Organisation organisation = register.organisation(viewer, id);
        model.addAttribute("organisation", organisation);
        model.addAttribute("sites", register.sites(viewer, id));
        model.addAttribute("systems", register.systems(viewer, id));
        model.addAttribute("countsBySite", register.deviceCountsBySite(viewer, id));
        model.addAttribute("byManufacturer", register.deviceCountsByManufacturer(viewer, id));
        model.addAttribute("canWrite", viewer.canWrite(id));
        model.addAttribute(
                "notes",
                notes.stream()
                        .flatMap(n -> n.notesFor(viewer, organisation).stream())
                        .toList());
        return "organisations/show";
    }

    @GetMapping("/organisations/new")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    String newForm(Model model) {
        model.addAttribute("form", new OrganisationForm());
        return form(model, null);
    }

    @PostMapping("/organisations/new")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    String create(
            Viewer viewer, @Valid @ModelAttribute("form") OrganisationForm form, BindingResult errors, Model model) {
        OrganisationDraft draft = errors.hasErrors() ? null : Forms.build(() -> draft(form), errors);
        if (draft == null) {
            return form(model, null);
        }
        try {
            return "redirect:/organisations/"
                    + register.createOrganisation(viewer, draft).id();
        } catch (ConflictException e) {
            errors.rejectValue("name", "taken", e.getMessage());
            return form(model, null);
        }
    }

    @GetMapping("/organisations/{id}/edit")
    @PreAuthorize("isAuthenticated()")
    String editForm(Viewer viewer, @PathVariable long id, Model model) {
        Organisation organisation = register.organisation(viewer, id);
        viewer.requireWrite(id, "Organisation " + id);
        model.addAttribute("form", OrganisationForm.of(organisation));
        return form(model, organisation);
    }

    @PostMapping("/organisations/{id}/edit")
    @PreAuthorize("isAuthenticated()")
    String update(
            Viewer viewer,
            @PathVariable long id,
            @Valid @ModelAttribute("form") OrganisationForm form,
            BindingResult errors,
            Model model) {
        Organisation organisation = register.organisation(viewer, id);
        viewer.requireWrite(id, "Organisation " + id);
        OrganisationDraft draft = errors.hasErrors() ? null : Forms.build(() -> draft(form), errors);
        if (draft == null) {
            return form(model, organisation);
        }
        try {
            register.updateOrganisation(viewer, id, draft);
            return "redirect:/organisations/" + id;
        } catch (ConflictException e) {
            errors.rejectValue("name", "taken", e.getMessage());
            return form(model, organisation);
        }
    }

    private static OrganisationDraft draft(OrganisationForm form) {
        return new OrganisationDraft(
                form.getName(), form.getSector(), form.getRegion(), form.getOfficialCode(), form.getContactEmail());
    }

    private static String form(Model model, @Nullable Organisation organisation) {
        model.addAttribute("organisation", organisation);
        model.addAttribute("sectors", SelectOption.of(Sector.class));
        model.addAttribute("regions", SelectOption.of(Region.class));
        return "organisations/form";
    }
}
