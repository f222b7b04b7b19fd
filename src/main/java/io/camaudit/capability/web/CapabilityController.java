package io.camaudit.capability.web;

import io.camaudit.capability.AuditView;
import io.camaudit.capability.CapabilityAudits;
import io.camaudit.register.Organisation;
import io.camaudit.register.Register;
import io.camaudit.shared.BadInputException;
import io.camaudit.shared.ConflictException;
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

/** A body's capability audits: its present picture, starting one, its accounts and schedule, and the results. */
@Controller
class CapabilityController {

    private final CapabilityAudits audits;
    private final Register register;

    CapabilityController(CapabilityAudits audits, Register register) {
        this.audits = audits;
        this.register = register;
    }

    @GetMapping("/organisations/{id}/capabilities")
    @PreAuthorize("isAuthenticated()")
    String page(Viewer viewer, @PathVariable long id, Model model) {
        Organisation organisation = register.organisation(viewer, id);
        model.addAttribute("organisation", organisation);
        model.addAttribute("summary", audits.summary(viewer, id));
        model.addAttribute("latest", audits.latest(viewer, id));
        model.addAttribute("audits", audits.audits(viewer, id));
        model.addAttribute("accounts", audits.credentials(viewer, id));
        model.addAttribute("schedule", audits.schedule(viewer, id).orElse(null));
        model.addAttribute("sites", register.sites(viewer, id));
        model.addAttribute("canWrite", viewer.canWrite(id));
        model.addAttribute("rules", audits.indicators().version());
        return "capabilities/list";
    }

    @PostMapping("/organisations/{id}/capabilities/audits")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    String start(
            Viewer viewer,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String scope,
            RedirectAttributes redirect) {
        try {
            long auditId = audits.start(viewer, id, scope);
            redirect.addFlashAttribute("notice", "The capability audit has started.");
            return "redirect:/capability-audits/" + auditId;
        } catch (BadInputException | ConflictException | IllegalArgumentException e) {
            redirect.addFlashAttribute("startError", e.getMessage());
            redirect.addFlashAttribute("scope", scope);
            return "redirect:/organisations/" + id + "/capabilities#start";
        }
    }

    @PostMapping("/organisations/{id}/capabilities/accounts")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    String addAccount(
            Viewer viewer,
            @PathVariable long id,
            @RequestParam(defaultValue = "body") String appliesTo,
            @RequestParam(required = false) @Nullable Long siteId,
            @RequestParam(required = false) @Nullable Long deviceId,
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String password,
            RedirectAttributes redirect) {
        try {
            Long site = appliesTo.equals("site") ? require(siteId, "Choose the site") : null;
            Long device = appliesTo.equals("device") ? require(deviceId, "Enter the device number") : null;
            audits.addCredential(viewer, id, site, device, username, password);
            redirect.addFlashAttribute(
                    "notice", "The account is kept, encrypted; its password will not be shown again.");
        } catch (BadInputException e) {
            redirect.addFlashAttribute("accountError", e.getMessage());
        }
        return "redirect:/organisations/" + id + "/capabilities#accounts";
    }

    private static long require(@Nullable Long value, String message) {
        if (value == null) {
            throw new BadInputException(message);
        }
        return value;
    }

    @PostMapping("/organisations/{id}/capabilities/accounts/{accountId}/delete")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    String removeAccount(
            Viewer viewer, @PathVariable long id, @PathVariable long accountId, RedirectAttributes redirect) {
        audits.removeCredential(viewer, id, accountId);
        redirect.addFlashAttribute("notice", "The account is removed.");
        return "redirect:/organisations/" + id + "/capabilities#accounts";
    }

    @PostMapping("/organisations/{id}/capabilities/schedule")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    String schedule(
            Viewer viewer,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String everyDays,
            @RequestParam(defaultValue = "") String scope,
            RedirectAttributes redirect) {
        try {
            int days;
            try {
                days = Integer.parseInt(everyDays.strip());
            } catch (NumberFormatException e) {
                throw new BadInputException("Enter the days between audits as a whole number, or 0 for none");
            }
            audits.setSchedule(viewer, id, days, scope);
            redirect.addFlashAttribute(
                    "notice", days == 0 ? "Audits no longer repeat." : "Audits repeat every " + days + " days.");
        } catch (BadInputException e) {
            redirect.addFlashAttribute("scheduleError", e.getMessage());
        }
        return "redirect:/organisations/" + id + "/capabilities#schedule";
    }

    @GetMapping("/capability-audits/{auditId}")
    @PreAuthorize("isAuthenticated()")
    String audit(
            Viewer viewer, @PathVariable long auditId, Model model, jakarta.servlet.http.HttpServletResponse response) {
        AuditView audit = audits.audit(viewer, auditId);
        if (audit.running()) {
            response.setHeader("Refresh", "3"); // the page follows the audit until it ends
        }
        model.addAttribute("audit", audit);
        model.addAttribute("results", audits.results(viewer, auditId));
        model.addAttribute("canWrite", viewer.canWrite(audit.organisationId()));
        return "capabilities/audit";
    }

    @PostMapping("/capability-audits/{auditId}/cancel")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    String cancel(Viewer viewer, @PathVariable long auditId, RedirectAttributes redirect) {
        try {
            audits.cancel(viewer, auditId);
            redirect.addFlashAttribute("notice", "The audit is stopping; devices under way finish first.");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("notice", e.getMessage());
        }
        return "redirect:/capability-audits/" + auditId;
    }

    @GetMapping("/capability-audits/{auditId}/results/{resultId}")
    @PreAuthorize("isAuthenticated()")
    String result(Viewer viewer, @PathVariable long auditId, @PathVariable long resultId, Model model) {
        model.addAttribute("audit", audits.audit(viewer, auditId));
        model.addAttribute("result", audits.result(viewer, auditId, resultId));
        return "capabilities/result";
    }
}
