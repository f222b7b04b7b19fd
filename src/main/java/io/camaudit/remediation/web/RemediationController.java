package io.camaudit.remediation.web;

import io.camaudit.remediation.Remediation;
import io.camaudit.remediation.engine.ActionKind;
import io.camaudit.remediation.engine.ActionStatus;
import io.camaudit.remediation.engine.Progress;
import io.camaudit.shared.BadInputException;
import io.camaudit.shared.ConflictException;
import io.camaudit.shared.Viewer;
import io.camaudit.shared.report.BarChart;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
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

/** A body's remediation plan: its flagged devices, their actions, progress over time, and the plan as CSV. */
@Controller
class RemediationController {

    private final Remediation remediation;

    RemediationController(Remediation remediation) {
        this.remediation = remediation;
    }

    @GetMapping("/organisations/{id}/remediation")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER', 'AUDITOR')")
    String plan(Viewer viewer, @PathVariable long id, Model model) {
        Remediation.Plan plan = remediation.plan(viewer, id);
        model.addAttribute("plan", plan);
        model.addAttribute("kinds", ActionKind.values());
        model.addAttribute("statuses", ActionStatus.values());
        model.addAttribute("canWrite", viewer.canWrite(id));
        model.addAttribute("defaultTarget", LocalDate.now().plusMonths(6));
        model.addAttribute("chart", chart(plan.progress()));
        return "remediation/plan";
    }

    /** Progress as one bar a month: the share of the actions planned by then that were done. */
    static String chart(List<Progress.Month> months) {
        return BarChart.svg(
                "progress", "Actions done, month by month", io.camaudit.remediation.engine.Progress.bars(months), 100);
    }

    @PostMapping("/organisations/{id}/remediation/actions")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    String add(
            Viewer viewer,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Long device,
            @RequestParam(defaultValue = "") String action,
            @RequestParam(defaultValue = "") String capability,
            @RequestParam(defaultValue = "") String owner,
            @RequestParam java.util.Map<String, String> form,
            @RequestParam(defaultValue = "") String cost,
            @RequestParam(defaultValue = "") String note,
            RedirectAttributes redirect) {
        try {
            if (device == null) {
                throw new BadInputException("Choose the device");
            }
            ActionKind kind;
            try {
                kind = ActionKind.valueOf(action);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("Choose the action");
            }
            LocalDate due = io.camaudit.shared.web.Dates.fromForm(form, "target", "the target date", true);
            Long pence;
            try {
                pence = cost.isBlank()
                        ? null
                        : new BigDecimal(cost.strip().replace("£", "").replace(",", ""))
                                .movePointRight(2)
                                .longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                throw new BadInputException("Enter the cost estimate in pounds, like 1250 or 1250.50");
            }
            remediation.add(viewer, device, kind, capability, owner, due, pence, note);
            redirect.addFlashAttribute("notice", "The action is planned.");
        } catch (BadInputException | ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/organisations/" + id + "/remediation";
    }

    @PostMapping("/remediation-actions/{actionId}")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    String update(
            Viewer viewer,
            @PathVariable long actionId,
            @RequestParam long organisation,
            @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "") String note,
            @RequestParam int version,
            RedirectAttributes redirect) {
        try {
            ActionStatus s;
            try {
                s = ActionStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("Choose the status");
            }
            remediation.update(viewer, actionId, s, note, version);
            redirect.addFlashAttribute(
                    "notice", "Action " + actionId + " is " + s.label().toLowerCase() + ".");
        } catch (BadInputException | ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/organisations/" + organisation + "/remediation#actions";
    }

    @GetMapping("/organisations/{id}/remediation.csv")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER', 'AUDITOR')")
    ResponseEntity<byte[]> csv(Viewer viewer, @PathVariable long id) {
        Remediation.Plan plan = remediation.plan(viewer, id);
        StringBuilder out =
                new StringBuilder("action,device,what,capability,owner,target date,cost estimate,status,overdue\n");
        for (Remediation.ActionView a : plan.actions()) {
            out.append(a.id())
                    .append(',')
                    .append(io.camaudit.shared.SpreadsheetCells.csv(a.device()))
                    .append(',')
                    .append(io.camaudit.shared.SpreadsheetCells.csv(a.action().label()))
                    .append(',')
                    .append(io.camaudit.shared.SpreadsheetCells.csv(a.capability() == null ? "" : a.capability()))
                    .append(',')
                    .append(io.camaudit.shared.SpreadsheetCells.csv(a.owner()))
                    .append(',')
                    .append(a.targetDate())
                    .append(',')
                    .append(
                            a.costPence() == null
                                    ? ""
                                    : BigDecimal.valueOf(a.costPence(), 2).toPlainString())
                    .append(',')
                    .append(a.status().label())
                    .append(',')
                    .append(a.overdue() ? "yes" : "no")
                    .append('\n');
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"remediation-plan.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }
}
