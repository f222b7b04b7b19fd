package io.camaudit.intel.web;

import io.camaudit.intel.Intel;
import io.camaudit.intel.engine.CheckResult;
import io.camaudit.intel.engine.Policy;
import io.camaudit.shared.BadInputException;
import io.camaudit.shared.Viewer;
import io.camaudit.shared.web.SelectOption;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The procurement check for officers: type a supplier, brand or product and see whether the
 * policy lets you buy it, and why. A GET form, so a result can be bookmarked and shared.
 */
@Controller
class CheckController {

    /** The form: what to check, under which policy, for which kind of site. */
    public static final class CheckForm {
        private @Nullable String q;
        private @Nullable String policy;
        private boolean sensitive;

        public @Nullable String getQ() {
            return q;
        }

        public void setQ(@Nullable String q) {
            this.q = q;
        }

        public @Nullable String getPolicy() {
            return policy;
        }

        public void setPolicy(@Nullable String policy) {
            this.policy = policy;
        }

        public boolean isSensitive() {
            return sensitive;
        }

        public void setSensitive(boolean sensitive) {
            this.sensitive = sensitive;
        }
    }

    private final Intel intel;
    private final io.camaudit.intel.Policies policies;

    CheckController(Intel intel, io.camaudit.intel.Policies policies) {
        this.intel = intel;
        this.policies = policies;
    }

    @GetMapping("/check")
    @PreAuthorize("isAuthenticated()")
    String check(Viewer viewer, @ModelAttribute("form") CheckForm form, BindingResult errors, Model model) {
        Policy current = viewer.organisationId() != null
                ? policies.policyOf(viewer, viewer.organisationId())
                : intel.bundle().defaultPolicy();
        if (form.getPolicy() == null) {
            form.setPolicy(current.id());
        }
        List<io.camaudit.intel.engine.Policy> available = viewer.organisationId() != null
                ? policies.policiesFor(viewer, viewer.organisationId())
                : intel.bundle().policies();
        List<SelectOption> options = available.stream()
                .map(p -> new SelectOption(p.id(), p.name() + (p.id().equals(current.id()) ? " (yours)" : "")))
                .toList();
        model.addAttribute("policies", options);
        model.addAttribute("bundleVersion", intel.bundle().version().text());
        if (form.getQ() != null) {
            try {
                CheckResult result = policies.check(viewer, form.getQ(), form.getPolicy(), form.isSensitive());
                model.addAttribute("result", result);
            } catch (BadInputException e) {
                String field = e.getMessage().contains("policy") ? "policy" : "q";
                errors.rejectValue(field, "invalid", e.getMessage());
                model.addAttribute("hasErrors", true);
            }
        }
        return "check/check";
    }
}
