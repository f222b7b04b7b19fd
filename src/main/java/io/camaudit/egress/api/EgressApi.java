package io.camaudit.egress.api;

import io.camaudit.egress.AlertView;
import io.camaudit.egress.EgressMonitor;
import io.camaudit.egress.IngestResult;
import io.camaudit.shared.BadInputException;
import io.camaudit.shared.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Egress monitoring as JSON: a body's networks, files of network records, its alerts and their decisions. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Egress", description = "What a body's cameras talk to, from its network records")
class EgressApi {

    private final EgressMonitor monitor;

    EgressApi(EgressMonitor monitor) {
        this.monitor = monitor;
    }

    record NetworksDto(String own, String allowed) {}

    record DecisionRequest(String status, String comment) {}

    @GetMapping("/organisations/{id}/egress-networks")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The body's own networks (by default its permitted survey ranges) and allow-list")
    EgressMonitor.Networks networks(Viewer viewer, @PathVariable long id) {
        return monitor.networks(viewer, id);
    }

    @PutMapping("/organisations/{id}/egress-networks")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    @Operation(summary = "Set the body's own networks and allow-list")
    EgressMonitor.Networks setNetworks(Viewer viewer, @PathVariable long id, @RequestBody NetworksDto body) {
        monitor.setNetworks(
                viewer, id, body.own() == null ? "" : body.own(), body.allowed() == null ? "" : body.allowed());
        return monitor.networks(viewer, id);
    }

    @PostMapping("/organisations/{id}/egress-files")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Analyse a file of network records (capture, IPFIX, Zeek log, nfdump CSV; gzipped or not)")
    IngestResult ingest(Viewer viewer, @PathVariable long id, @RequestPart("file") MultipartFile file)
            throws IOException {
        if (file.isEmpty()) {
            throw new BadInputException("The file is empty");
        }
        try (InputStream in = file.getInputStream()) {
            return monitor.ingest(
                    viewer, id, file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename(), in);
        }
    }

    @GetMapping("/organisations/{id}/egress-alerts")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The body's alerts, open first; status filters them (OPEN, ACKNOWLEDGED, RESOLVED)")
    List<AlertView> alerts(
            Viewer viewer, @PathVariable long id, @RequestParam(required = false) @Nullable String status) {
        return monitor.alerts(viewer, id, status);
    }

    @GetMapping("/egress-alerts/{alertId}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One alert with its evidence and enrichment")
    AlertView alert(Viewer viewer, @PathVariable long alertId) {
        return monitor.alert(viewer, alertId);
    }

    @PostMapping("/egress-alerts/{alertId}/decision")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    @Operation(summary = "Acknowledge or resolve an alert (or open it again), with a comment")
    AlertView decide(Viewer viewer, @PathVariable long alertId, @RequestBody DecisionRequest body) {
        return monitor.decide(
                viewer,
                alertId,
                body.status() == null ? "" : body.status(),
                body.comment() == null ? "" : body.comment());
    }
}
