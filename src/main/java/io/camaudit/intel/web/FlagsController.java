package io.camaudit.intel.web;

import io.camaudit.intel.Intel;
import io.camaudit.intel.OrganisationFlags;
import io.camaudit.intel.engine.Verdict;
import io.camaudit.register.Organisation;
import io.camaudit.register.Register;
import io.camaudit.shared.BadInputException;
import io.camaudit.shared.Viewer;
import io.camaudit.shared.web.SelectOption;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An organisation's devices by real maker and site, with what its procurement policy flags, and its choice of policy. */
@Controller
class FlagsController {

    private final Intel intel;
    private final io.camaudit.intel.Policies policies;
    private final Register register;

    FlagsController(Intel intel, io.camaudit.intel.Policies policies, Register register) {
        this.intel = intel;
        this.policies = policies;
        this.register = register;
    }

    @GetMapping("/organisations/{id}/flags")
    @PreAuthorize("isAuthenticated()")
    String flags(Viewer viewer, @PathVariable long id, Model model) {
        return page(viewer, id, model, null);
    }

    @PostMapping("/organisations/{id}/policy")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    String choosePolicy(
            Viewer viewer,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String policy,
            Model model,
            RedirectAttributes redirect) {
        try {
            policies.choosePolicy(viewer, id, policy == null ? "" : policy);
        } catch (BadInputException e) {
            return page(viewer, id, model, "Select a policy");
        }
        redirect.addFlashAttribute(
                "notice",
                "The policy is now \u201c" + policies.policyOf(viewer, id).name() + "\u201d.");
        return "redirect:/organisations/" + id + "/flags";
    }

    @GetMapping("/organisations/{id}/policies/new")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    String newPolicy(Viewer viewer, @PathVariable long id, Model model) {
        Organisation organisation = register.organisation(viewer, id);
        viewer.requireWrite(id, "Organisation " + id);
        model.addAttribute("organisation", organisation);
        model.addAttribute("form", new PolicyForm());
        return "check/policy-form";
    }

    @PostMapping("/organisations/{id}/policies/new")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    String createPolicy(
            Viewer viewer,
            @PathVariable long id,
            @org.springframework.web.bind.annotation.ModelAttribute("form") PolicyForm form,
            org.springframework.validation.BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        Organisation organisation = register.organisation(viewer, id);
        Integer days = form.getDeadlineDays();
        if (days == null) {
            errors.rejectValue("deadlineDays", "required", "Enter the due-diligence deadline in days");
        } else {
            try {
                io.camaudit.intel.engine.Policy policy = policies.createPolicy(
                        viewer,
                        id,
                        new io.camaudit.intel.Policies.PolicyDraft(
                                form.getName(),
                                form.getDescription(),
                                form.getRules(),
                                days,
                                form.getSourceTitle(),
                                form.getSourceUrl()));
                redirect.addFlashAttribute(
                        "notice", "The policy \u201c" + policy.name() + "\u201d is added; choose it below to use it.");
                return "redirect:/organisations/" + id + "/flags";
            } catch (BadInputException e) {
                errors.rejectValue(PolicyForm.fieldFor(e.getMessage()), "invalid", e.getMessage());
            }
        }
        model.addAttribute("organisation", organisation);
        model.addAttribute("hasErrors", true);
        return "check/policy-form";
    }

    private String page(Viewer viewer, long id, Model model, @Nullable String policyError) {
        Organisation organisation = register.organisation(viewer, id);
        OrganisationFlags flags = policies.flags(viewer, id);
        model.addAttribute("organisation", organisation);
        model.addAttribute("result", flags);
        model.addAttribute("ineligible", flags.devices(Verdict.INELIGIBLE));
        model.addAttribute("conditional", flags.devices(Verdict.CONDITIONAL));
        model.addAttribute("eligible", flags.devices(Verdict.ELIGIBLE));
        model.addAttribute("canWrite", viewer.canWrite(id));
        model.addAttribute(
                "policies",
                policies.policiesFor(viewer, id).stream()
                        .map(p -> new SelectOption(p.id(), p.name()))
                        .toList());
        model.addAttribute("policyError", policyError);
        model.addAttribute("hasErrors", policyError != null);
        return "check/flags";
    }
}
