package io.camaudit.returns.web;

import io.camaudit.register.Organisation;
import io.camaudit.register.Register;
import io.camaudit.returns.ImportBatch;
import io.camaudit.returns.Imports;
import io.camaudit.returns.engine.ReturnFileException;
import io.camaudit.shared.ConflictException;
import io.camaudit.shared.Viewer;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Uploading a return, its preview report, commit and undo. */
@Controller
class ImportController {

    private final Imports imports;
    private final Register register;

    ImportController(Imports imports, Register register) {
        this.imports = imports;
        this.register = register;
    }

    @GetMapping("/imports")
    @PreAuthorize("isAuthenticated()")
    String list(Viewer viewer, @RequestParam(required = false) @Nullable Long organisation, Model model) {
        List<ImportBatch> batches = imports.recent(viewer, organisation);
        model.addAttribute("batches", batches);
        model.addAttribute("names", names(viewer));
        return "imports/list";
    }

    @GetMapping("/imports/new")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    String uploadForm(Viewer viewer, @RequestParam(required = false) @Nullable Long organisation, Model model) {
        return upload(viewer, model, organisation, null, null);
    }

    @PostMapping("/imports/new")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    String preview(
            Viewer viewer,
            @RequestParam(required = false) @Nullable Long organisation,
            @RequestParam(required = false) @Nullable MultipartFile file,
            Model model)
            throws IOException {
        Long target = viewer.seesEverything() ? organisation : viewer.organisationId();
        if (target == null) {
            return upload(viewer, model, null, "organisation", "Select the organisation the return is from");
        }
        if (file == null || file.isEmpty()) {
            return upload(viewer, model, target, "file", "Select a CSV or XLSX file");
        }
        try (InputStream in = file.getInputStream()) {
            ImportBatch batch = imports.preview(viewer, target, file.getOriginalFilename(), in);
            return "redirect:/imports/" + batch.id();
        } catch (ReturnFileException e) {
            return upload(viewer, model, target, "file", e.getMessage());
        }
    }

    @GetMapping("/imports/{id}")
    @PreAuthorize("isAuthenticated()")
    String show(Viewer viewer, @PathVariable long id, Model model) {
        ImportBatch batch = imports.batch(viewer, id);
        model.addAttribute("batch", batch);
        model.addAttribute("organisation", register.organisation(viewer, batch.organisationId()));
        model.addAttribute("earlier", imports.earlierImportOfSameFile(batch));
        model.addAttribute("canWrite", viewer.canWrite(batch.organisationId()));
        return "imports/show";
    }

    @PostMapping("/imports/{id}/commit")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    String commit(Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
        try {
            ImportBatch done = imports.commit(viewer, id);
            redirect.addFlashAttribute(
                    "success",
                    "The return was imported: " + done.createdCount() + " devices added, " + done.updatedCount()
                            + " updated, " + done.unchangedCount() + " unchanged.");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/imports/" + id;
    }

    @PostMapping("/imports/{id}/undo")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    String undo(Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
        try {
            imports.undo(viewer, id);
            redirect.addFlashAttribute("success", "The import was undone: the register is as it was before it.");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/imports/" + id;
    }

    private String upload(
            Viewer viewer,
            Model model,
            @Nullable Long organisation,
            @Nullable String errorField,
            @Nullable String error) {
        model.addAttribute("organisations", register.organisations(viewer));
        model.addAttribute("selected", organisation);
        model.addAttribute("errorField", errorField);
        model.addAttribute("error", error);
        model.addAttribute("hasErrors", error != null);
        return "imports/new";
    }

    private java.util.Map<Long, String> names(Viewer viewer) {
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        for (Organisation o : register.organisations(viewer)) {
            names.put(o.id(), o.name());
        }
        return names;
    }
}
