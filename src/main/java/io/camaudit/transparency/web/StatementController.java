package io.camaudit.transparency.web;

import io.camaudit.register.Register;
import io.camaudit.shared.Viewer;
import io.camaudit.transparency.TransparencyStatements;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Transparency statements: the officer's preview and publishing; and, for anyone without signing
 * in, the published statements as pages, JSON and PDF.
 */
@Controller
class StatementController {

    private final TransparencyStatements statements;
    private final Register register;

    StatementController(TransparencyStatements statements, Register register) {
        this.statements = statements;
        this.register = register;
    }

    @GetMapping("/organisations/{id}/statement")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER', 'AUDITOR')")
    String preview(Viewer viewer, @PathVariable long id, Model model) {
        model.addAttribute("organisation", register.organisation(viewer, id));
        model.addAttribute("statement", statements.draft(viewer, id));
        model.addAttribute("versions", statements.versions(id));
        model.addAttribute("canWrite", viewer.canWrite(id));
        return "transparency/preview";
    }

    @PostMapping("/organisations/{id}/statement/publish")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    String publish(Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
        int version = statements.publish(viewer, id);
        redirect.addFlashAttribute("notice", "Version " + version + " is published.");
        return "redirect:/organisations/" + id + "/statement";
    }

    @GetMapping("/public/statements")
    @PreAuthorize("permitAll()")
    String all(Model model) {
        model.addAttribute("statements", statements.all());
        return "transparency/all";
    }

    @GetMapping({"/public/bodies/{id}/statement", "/public/bodies/{id}/statement/{version}"})
    @PreAuthorize("permitAll()")
    String published(@PathVariable long id, @PathVariable(required = false) @Nullable Integer version, Model model) {
        TransparencyStatements.Published p = statements.published(id, version);
        model.addAttribute("published", p);
        model.addAttribute("statement", p.statement());
        model.addAttribute("versions", statements.versions(id));
        return "transparency/public";
    }

    @GetMapping({"/public/bodies/{id}/statement.json", "/public/bodies/{id}/statement/{version}.json"})
    @PreAuthorize("permitAll()")
    @ResponseBody
    PublicVersion json(@PathVariable long id, @PathVariable(required = false) @Nullable Integer version) {
        TransparencyStatements.Published p = statements.published(id, version);
        return new PublicVersion(p.version(), p.publishedAt(), p.statement());
    }

    /** A published version as the public sees it: not who pressed publish (an account name helps no reader). */
    record PublicVersion(int version, java.time.Instant publishedAt, io.camaudit.transparency.Statement statement) {}

    @GetMapping({"/public/bodies/{id}/statement.pdf", "/public/bodies/{id}/statement/{version}.pdf"})
    @PreAuthorize("permitAll()")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @PathVariable(required = false) @Nullable Integer version) {
        TransparencyStatements.Published p = statements.published(id, version);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"transparency-statement-" + id + "-v" + p.version() + ".pdf\"")
                .contentType(MediaType.APPLICATION_PDF)
                .body(statements.pdf(p));
    }
}
