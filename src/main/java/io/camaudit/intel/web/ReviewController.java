package io.camaudit.intel.web;

import io.camaudit.intel.Intel;
import io.camaudit.intel.engine.DeviceEvidence;
import io.camaudit.intel.persistence.ResolutionRows;
import io.camaudit.shared.BadInputException;
import io.camaudit.shared.Viewer;
import io.camaudit.shared.web.SelectOption;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review queue: the manufacturer, brand and model strings the resolver could not place (or
 * placed with low confidence), most devices first, across the register. An administrator confirms
 * what a string means; the mapping becomes local intel with its author and evidence.
 */
@Controller
class ReviewController {

    /** One queued string with what the resolver says of it now. */
    record QueuedString(
            ResolutionRows.ReviewRow row, io.camaudit.intel.engine.Resolution resolution, String suggestedText) {}

    private final Intel intel;

    ReviewController(Intel intel) {
        this.intel = intel;
    }

    @GetMapping("/intel/review")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'AUDITOR')")
    String queue(Viewer viewer, Model model) {
        return page(viewer, model, null, null);
    }

    @PostMapping("/intel/review/confirm")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    String confirm(
            Viewer viewer,
            @RequestParam(required = false) @Nullable String text,
            @RequestParam(required = false) @Nullable String company,
            @RequestParam(required = false) @Nullable String evidence,
            Model model,
            RedirectAttributes redirect) {
        try {
            intel.confirmMapping(viewer, nullToEmpty(text), nullToEmpty(company), nullToEmpty(evidence));
        } catch (BadInputException e) {
            return page(viewer, model, e.getMessage(), text);
        }
        redirect.addFlashAttribute(
                "notice",
                "\u201c" + nullToEmpty(text).strip() + "\u201d is now mapped; devices are being resolved again.");
        return "redirect:/intel/review";
    }

    private static String nullToEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }

    private String page(Viewer viewer, Model model, @Nullable String error, @Nullable String errorText) {
        List<QueuedString> queue = intel.reviewQueue(viewer, 200).stream()
                .map(row -> new QueuedString(
                        row,
                        intel.resolve(new DeviceEvidence(row.manufacturer(), row.brand(), row.model(), null)),
                        row.manufacturer() != null
                                ? row.manufacturer()
                                : row.brand() != null ? row.brand() : row.model()))
                .toList();
        model.addAttribute("queue", queue);
        model.addAttribute(
                "companies",
                intel.bundle().companies().stream()
                        .map(c -> new SelectOption(
                                c.id(), c.name() + (c.country() == null ? "" : " (" + c.country() + ")")))
                        .toList());
        model.addAttribute("error", error);
        model.addAttribute("errorText", errorText);
        model.addAttribute("hasErrors", error != null);
        return "check/review";
    }
}
