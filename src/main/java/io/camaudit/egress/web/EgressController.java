package io.camaudit.egress.web;

import io.camaudit.egress.AlertExports;
import io.camaudit.egress.AlertView;
import io.camaudit.egress.EgressMonitor;
import io.camaudit.egress.IngestResult;
import io.camaudit.register.Organisation;
import io.camaudit.register.Register;
import io.camaudit.shared.BadInputException;
import io.camaudit.shared.Viewer;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
import tools.jackson.databind.json.JsonMapper;

/** A body's egress monitoring: its networks, handing in files of network records, its alerts, one alert. */
@Controller
class EgressController {

    private final EgressMonitor monitor;
    private final Register register;
    private final JsonMapper json;

    EgressController(EgressMonitor monitor, Register register, JsonMapper json) {
        this.monitor = monitor;
        this.register = register;
        this.json = json;
    }

    @GetMapping("/organisations/{id}/egress")
    @PreAuthorize("isAuthenticated()")
    String page(
            Viewer viewer,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String status,
            Model model) {
        Organisation organisation = register.organisation(viewer, id);
        model.addAttribute("organisation", organisation);
        model.addAttribute("networks", monitor.networks(viewer, id));
        String filter = status == null || status.isBlank() ? null : status;
        model.addAttribute("status", filter);
        model.addAttribute("alerts", monitor.alerts(viewer, id, filter));
        model.addAttribute("canWrite", viewer.canWrite(id));
        model.addAttribute("geoData", monitor.geo().describe());
        model.addAttribute("dataVersion", monitor.data().version());
        return "egress/list";
    }

    @PostMapping("/organisations/{id}/egress/networks")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    String networks(
            Viewer viewer,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String own,
            @RequestParam(defaultValue = "") String allowed,
            RedirectAttributes redirect) {
        try {
            monitor.setNetworks(viewer, id, own, allowed);
            redirect.addFlashAttribute("notice", "The networks are saved.");
        } catch (BadInputException e) {
            redirect.addFlashAttribute("networksError", e.getMessage());
        }
        return "redirect:/organisations/" + id + "/egress#networks";
    }

    @PostMapping("/organisations/{id}/egress/files")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    String file(
            Viewer viewer,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable MultipartFile file,
            RedirectAttributes redirect)
            throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute(
                    "fileError", "Select a capture, an IPFIX file, a Zeek log or an nfdump CSV export");
            return "redirect:/organisations/" + id + "/egress#file";
        }
        try (InputStream in = file.getInputStream()) {
            IngestResult result = monitor.ingest(
                    viewer, id, file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename(), in);
            redirect.addFlashAttribute(
                    "notice",
                    result.file() + " (" + result.kind() + "): " + result.flows()
                            + " flows, " + result.fromDevices() + " from registered devices, "
                            + result.alerts().size()
                            + " alerts, " + result.raised().size() + " of them new or opened again"
                            + (result.problems().isEmpty()
                                    ? "."
                                    : ". Not read: " + String.join("; ", result.problems())));
        } catch (BadInputException e) {
            redirect.addFlashAttribute("fileError", e.getMessage());
        }
        return "redirect:/organisations/" + id + "/egress";
    }

    @GetMapping("/organisations/{id}/egress/alerts.{format}")
    @PreAuthorize("isAuthenticated()")
    void export(Viewer viewer, @PathVariable long id, @PathVariable String format, HttpServletResponse response)
            throws IOException {
        var alerts = monitor.alerts(viewer, id, null);
        String body;
        switch (format) {
            case "csv" -> {
                response.setContentType("text/csv; charset=UTF-8");
                body = AlertExports.csv(alerts);
            }
            case "jsonl" -> {
                response.setContentType("application/x-ndjson; charset=UTF-8");
                body = AlertExports.jsonLines(alerts, json);
            }
            case "syslog" -> {
                response.setContentType("text/plain; charset=UTF-8");
                body = AlertExports.syslog(alerts, "camaudit");
            }
            default -> throw new io.camaudit.shared.NotFoundException("Export ." + format);
        }
        response.setHeader("Content-Disposition", "attachment; filename=\"egress-alerts-" + id + "." + format + "\"");
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/egress-alerts/{alertId}")
    @PreAuthorize("isAuthenticated()")
    String alert(Viewer viewer, @PathVariable long alertId, Model model) {
        AlertView alert = monitor.alert(viewer, alertId);
        model.addAttribute("alert", alert);
        model.addAttribute("organisation", register.organisation(viewer, alert.organisationId()));
        model.addAttribute("canWrite", viewer.canWrite(alert.organisationId()));
        return "egress/alert";
    }

    @PostMapping("/egress-alerts/{alertId}/decision")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    String decide(
            Viewer viewer,
            @PathVariable long alertId,
            @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "") String comment,
            RedirectAttributes redirect) {
        try {
            monitor.decide(viewer, alertId, status, comment);
            redirect.addFlashAttribute("notice", "The alert is " + status.toLowerCase(java.util.Locale.ROOT) + ".");
        } catch (BadInputException e) {
            redirect.addFlashAttribute("decisionError", e.getMessage());
        }
        return "redirect:/egress-alerts/" + alertId;
    }
}
