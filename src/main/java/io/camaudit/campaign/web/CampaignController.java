package io.camaudit.campaign.web;

import io.camaudit.campaign.Campaigns;
import io.camaudit.register.Region;
import io.camaudit.register.Sector;
import io.camaudit.shared.BadInputException;
import io.camaudit.shared.ConflictException;
import io.camaudit.shared.Labelled;
import io.camaudit.shared.Viewer;
import io.camaudit.shared.web.Dates;
import io.camaudit.shared.web.SelectOption;
import java.nio.charset.StandardCharsets;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Campaigns for the Commissioner's office; and a body's answer to one request. */
@Controller
class CampaignController {

    private final Campaigns campaigns;

    CampaignController(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    @GetMapping("/campaigns")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'AUDITOR')")
    String list(Viewer viewer, Model model) {
        model.addAttribute("campaigns", campaigns.campaigns(viewer));
        model.addAttribute("sectors", SelectOption.of(Sector.class));
        model.addAttribute("regions", SelectOption.of(Region.class));
        model.addAttribute("defaultDeadline", java.time.LocalDate.now().plusDays(20));
        return "campaigns/list";
    }

    @PostMapping("/campaigns")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'AUDITOR')")
    String start(
            Viewer viewer,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String question,
            @RequestParam java.util.Map<String, String> form,
            @RequestParam(defaultValue = "") String sector,
            @RequestParam(defaultValue = "") String region,
            RedirectAttributes redirect) {
        try {
            java.time.LocalDate due = Dates.fromForm(form, "deadline", "the deadline", false);
            long id = campaigns.start(
                    viewer,
                    title,
                    question,
                    due,
                    sector.isBlank()
                            ? null
                            : Labelled.parse(Sector.class, sector)
                                    .orElseThrow(() -> new BadInputException("No such sector")),
                    region.isBlank()
                            ? null
                            : Labelled.parse(Region.class, region)
                                    .orElseThrow(() -> new BadInputException("No such region")));
            redirect.addFlashAttribute("notice", "The bodies are asked.");
            return "redirect:/campaigns/" + id;
        } catch (BadInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/campaigns#new";
        }
    }

    @GetMapping("/campaigns/{id}")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'AUDITOR')")
    String campaign(Viewer viewer, @PathVariable long id, Model model) {
        model.addAttribute("campaign", campaigns.campaign(viewer, id));
        return "campaigns/show";
    }

    @GetMapping("/campaigns/{id}.csv")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'AUDITOR')")
    ResponseEntity<byte[]> csv(Viewer viewer, @PathVariable long id) {
        Campaigns.CampaignView c = campaigns.campaign(viewer, id);
        StringBuilder out = new StringBuilder("body,state,standing,emailed_to,import,reason\n");
        for (Campaigns.RequestView r : c.requests()) {
            out.append(io.camaudit.shared.SpreadsheetCells.csv(r.body()))
                    .append(',')
                    .append(r.status().toLowerCase(java.util.Locale.ROOT))
                    .append(',')
                    .append(io.camaudit.shared.SpreadsheetCells.csv(r.standing()))
                    .append(',')
                    .append(io.camaudit.shared.SpreadsheetCells.csv(r.emailedTo() == null ? "" : r.emailedTo()))
                    .append(',')
                    .append(r.batchId() == null ? "" : r.batchId())
                    .append(',')
                    .append(io.camaudit.shared.SpreadsheetCells.csv(r.reason() == null ? "" : r.reason()))
                    .append('\n');
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"campaign-" + id + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/campaign-requests/{id}")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER', 'AUDITOR')")
    String request(Viewer viewer, @PathVariable long id, Model model) {
        Campaigns.RequestView r = campaigns.request(viewer, id);
        model.addAttribute("request", r);
        model.addAttribute("canWrite", viewer.canWrite(r.organisationId()));
        model.addAttribute(
                "imports",
                viewer.canWrite(r.organisationId()) ? campaigns.answerable(viewer, id) : java.util.List.of());
        model.addAttribute("mails", campaigns.mails(viewer, id));
        model.addAttribute("mailConfigured", campaigns.mailConfigured());
        return "campaigns/request";
    }

    @PostMapping("/campaign-requests/{id}/answer")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    String answer(
            Viewer viewer,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Long batch,
            RedirectAttributes redirect) {
        try {
            if (batch == null) {
                throw new BadInputException("Choose the return you answer with");
            }
            campaigns.answer(viewer, id, batch);
            redirect.addFlashAttribute("notice", "The request is answered.");
        } catch (BadInputException | ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/campaign-requests/" + id;
    }

    @PostMapping("/campaign-requests/{id}/decline")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    String decline(
            Viewer viewer,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        try {
            campaigns.decline(viewer, id, reason);
            redirect.addFlashAttribute("notice", "The request is declined, with your reasons.");
        } catch (BadInputException | ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/campaign-requests/" + id;
    }
}
