package io.camaudit.web.govuk;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Renders one of our GOV.UK component fragments, bound to a form, for {@link GovukFixturesTest}. */
@Controller
@TestComponent
class FixtureController {

    /** The form the fragments are bound to. */
    public static final class Form {
        private String reference = "";

        public String getReference() {
            return reference;
        }

        public void setReference(String reference) {
            this.reference = reference;
        }
    }

    @GetMapping("/test/govuk/{component}")
    @PreAuthorize("isAuthenticated()")
    String render(
            @PathVariable String component,
            @RequestParam String label,
            @RequestParam(required = false) String hint,
            @RequestParam(required = false) String error,
            Model model) {
        Form form = new Form();
        BindingResult result = new BeanPropertyBindingResult(form, "form");
        if (error != null) {
            result.rejectValue("reference", "invalid", error);
        }
        model.addAttribute("form", form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
        model.addAttribute("label", label);
        model.addAttribute("hint", hint);
        if (!component.matches("input|textarea")) {
            throw new IllegalArgumentException("no fixture page for " + component);
        }
        return "govuk-fixtures/" + component;
    }
}
