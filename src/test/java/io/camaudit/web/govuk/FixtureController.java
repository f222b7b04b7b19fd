package io.camaudit.web.govuk;

import io.camaudit.shared.web.SelectOption;
import java.util.List;
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
        private String site = "";
        private List<String> kinds = List.of();

        public List<String> getKinds() {
            return kinds;
        }

        public void setKinds(List<String> kinds) {
            this.kinds = kinds;
        }

        public String getReference() {
            return reference;
        }

        public void setReference(String reference) {
            this.reference = reference;
        }

        public String getSite() {
            return site;
        }

        public void setSite(String site) {
            this.site = site;
        }
    }

    /**
     * {@code error} is "field:message" for a field's error and ":message" for the form's; {@code
     * option} is "value:label".
     */
    @GetMapping("/test/govuk/{component}")
    @PreAuthorize("isAuthenticated()")
    String render(
            @PathVariable String component,
            @RequestParam(required = false) String label,
            @RequestParam(required = false) String hint,
            @RequestParam(name = "error", required = false) List<String> errors,
            @RequestParam(name = "option", required = false) List<String> options,
            Model model) {
        if (!component.matches("input|textarea|select|checkboxes|error-summary")) {
            throw new IllegalArgumentException("no fixture page for " + component);
        }
        Form form = new Form();
        BindingResult result = new BeanPropertyBindingResult(form, "form");
        for (String error : errors == null ? List.<String>of() : errors) {
            String field = error.substring(0, error.indexOf(':'));
            String message = error.substring(error.indexOf(':') + 1);
            if (field.isEmpty()) {
                result.reject("invalid", message);
            } else {
                result.rejectValue(field, "invalid", message);
            }
        }
        model.addAttribute("form", form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
        model.addAttribute("label", label);
        model.addAttribute("hint", hint);
        model.addAttribute(
                "options",
                (options == null ? List.<String>of() : options)
                        .stream()
                                .map(o -> new SelectOption(
                                        o.substring(0, o.indexOf(':')), o.substring(o.indexOf(':') + 1)))
                                .toList());
        model.addAttribute("component", component);
        return "govuk-fixtures/component";
    }
}
