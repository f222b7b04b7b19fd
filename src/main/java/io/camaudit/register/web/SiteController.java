package io.camaudit.register.web;

import io.camaudit.register.DeviceQuery;
import io.camaudit.register.Organisation;
import io.camaudit.register.Register;
import io.camaudit.register.Site;
import io.camaudit.register.SiteDraft;
import io.camaudit.register.SiteKind;
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

/** Sites: one site's page and the add and change forms. */
@Controller
class SiteController {

    private final Register register;
    private final java.util.List<io.camaudit.register.SiteNotes> notes;

    SiteController(Register register, java.util.List<io.camaudit.register.SiteNotes> notes) {
        this.register = register;
        this.notes = notes;
    }

    @GetMapping("/sites/{id}")
    @PreAuthorize("isAuthenticated()")
    String show(Viewer viewer, @PathVariable long id, Model model) {
        Site site = register.site(viewer, id);
        model.addAttribute("site", site);
        model.addAttribute("organisation", register.organisation(viewer, site.organisationId()));
        model.addAttribute(
                "page",
                register.devices(
                        viewer, new DeviceQuery(site.organisationId(), id, null, null, null, null, null, null, 50)));
        model.addAttribute("canWrite", viewer.canWrite(site.organisationId()));
        model.addAttribute(
                "notes",
                notes.stream().flatMap(n -> n.notesFor(viewer, site).stream()).toList());
        return "sites/show";
    }

    @GetMapping("/organisations/{organisationId}/sites/new")
    @PreAuthorize("isAuthenticated()")
    String newForm(Viewer viewer, @PathVariable long organisationId, Model model) {
        Organisation organisation = writable(viewer, organisationId);
        model.addAttribute("form", new SiteForm());
        return form(model, organisation, null);
    }

    @PostMapping("/organisations/{organisationId}/sites/new")
    @PreAuthorize("isAuthenticated()")
    String create(
            Viewer viewer,
            @PathVariable long organisationId,
            @Valid @ModelAttribute("form") SiteForm form,
            BindingResult errors,
            Model model) {
        Organisation organisation = writable(viewer, organisationId);
        SiteDraft draft = errors.hasErrors() ? null : Forms.build(() -> draft(form), errors);
        if (draft == null) {
            return form(model, organisation, null);
        }
        try {
            return "redirect:/sites/"
                    + register.createSite(viewer, organisationId, draft).id();
        } catch (ConflictException e) {
            errors.rejectValue("name", "taken", e.getMessage());
            return form(model, organisation, null);
        }
    }

    @GetMapping("/sites/{id}/edit")
    @PreAuthorize("isAuthenticated()")
    String editForm(Viewer viewer, @PathVariable long id, Model model) {
        Site site = register.site(viewer, id);
        Organisation organisation = writable(viewer, site.organisationId());
        model.addAttribute("form", SiteForm.of(site));
        return form(model, organisation, site);
    }

    @PostMapping("/sites/{id}/edit")
    @PreAuthorize("isAuthenticated()")
    String update(
            Viewer viewer,
            @PathVariable long id,
            @Valid @ModelAttribute("form") SiteForm form,
            BindingResult errors,
            Model model) {
        Site site = register.site(viewer, id);
        Organisation organisation = writable(viewer, site.organisationId());
        SiteDraft draft = errors.hasErrors() ? null : Forms.build(() -> draft(form), errors);
        if (draft == null) {
            return form(model, organisation, site);
        }
        try {
            register.updateSite(viewer, id, draft);
            return "redirect:/sites/" + id;
        } catch (ConflictException e) {
            errors.rejectValue("name", "taken", e.getMessage());
            return form(model, organisation, site);
        }
    }

    private Organisation writable(Viewer viewer, long organisationId) {
        Organisation organisation = register.organisation(viewer, organisationId);
        viewer.requireWrite(organisationId, "Organisation " + organisationId);
        return organisation;
    }

    private static SiteDraft draft(SiteForm form) {
        return new SiteDraft(form.getName(), form.getAddress(), form.getPostcode(), form.getKind(), form.isSensitive());
    }

    private static String form(Model model, Organisation organisation, @Nullable Site site) {
        model.addAttribute("organisation", organisation);
        model.addAttribute("site", site);
        model.addAttribute("kinds", SelectOption.of(SiteKind.class));
        return "sites/form";
    }
}
