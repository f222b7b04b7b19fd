package io.camaudit.discovery.api;

import io.camaudit.discovery.SurveyRequest;
import io.camaudit.discovery.SurveyResults;
import io.camaudit.discovery.SurveyView;
import io.camaudit.discovery.Surveys;
import io.camaudit.discovery.engine.OnvifCredentials;
import io.camaudit.discovery.engine.Reconciler;
import io.camaudit.register.Device;
import io.camaudit.shared.BadInputException;
import io.camaudit.shared.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Network surveys as JSON: start one, follow it, cancel it, read and decide what it found. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Surveys", description = "Network surveys: find the cameras on a body's network and name their real makers")
class SurveyApi {

    private final Surveys surveys;

    SurveyApi(Surveys surveys) {
        this.surveys = surveys;
    }

    record StartRequest(
            List<String> scope,
            @Nullable List<String> exclude,
            @Nullable Integer rate,
            @Nullable Integer concurrency,
            @Nullable String onvifUsername,
            @Nullable String onvifPassword) {}

    record PermitDto(String ranges) {}

    record SurveyDto(
            long id,
            long organisationId,
            String method,
            String scope,
            String exclusions,
            String status,
            long addresses,
            long surveyed,
            long answered,
            int percent,
            String settings,
            String fingerprints,
            String intel,
            String startedBy,
            Instant startedAt,
            @Nullable Instant finishedAt,
            @Nullable String failure) {
        static SurveyDto of(SurveyView v) {
            var r = v.row();
            return new SurveyDto(
                    r.id(),
                    r.organisationId(),
                    r.method(),
                    r.scope(),
                    r.exclusions(),
                    v.status().name(),
                    r.addresses(),
                    v.done(),
                    v.answered(),
                    v.percent(),
                    r.settings(),
                    r.fingerprintsVersion(),
                    r.intelVersion(),
                    r.startedBy(),
                    r.startedAt(),
                    r.finishedAt(),
                    r.failure());
        }
    }

    record HostDto(
            long id,
            String address,
            String openPorts,
            @Nullable String maker,
            @Nullable String soldAs,
            String path,
            @Nullable String model,
            @Nullable String firmware,
            @Nullable String serial,
            @Nullable String mac,
            @Nullable String kind,
            double confidence,
            String decision,
            @Nullable Long registerDeviceId,
            @Nullable String matchedBy,
            List<Reconciler.Difference> differences,
            String evidence) {
        static HostDto of(SurveyResults.Host h) {
            var r = h.row();
            return new HostDto(
                    r.id(),
                    r.address(),
                    r.openPorts(),
                    r.maker(),
                    r.soldAs(),
                    r.path(),
                    r.model(),
                    r.firmware(),
                    r.serial(),
                    r.mac(),
                    r.kind(),
                    r.confidence(),
                    r.decision(),
                    h.matchedDeviceId(),
                    h.matchedBy() == null ? null : h.matchedBy().name(),
                    h.differences(),
                    r.details());
        }
    }

    record ResultsDto(
            SurveyDto survey, List<HostDto> devices, List<HostDto> otherHosts, List<Reconciler.Declared> notSeen) {}

    @GetMapping("/organisations/{id}/survey-permit")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The address ranges the body's surveys may cover")
    PermitDto permit(Viewer viewer, @PathVariable long id) {
        return new PermitDto(surveys.permit(viewer, id));
    }

    @PutMapping("/organisations/{id}/survey-permit")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(summary = "Set the address ranges the body's surveys may cover (administrators)")
    PermitDto setPermit(Viewer viewer, @PathVariable long id, @RequestBody PermitDto permit) {
        surveys.setPermit(viewer, id, permit.ranges() == null ? "" : permit.ranges());
        return new PermitDto(surveys.permit(viewer, id));
    }

    @GetMapping("/organisations/{id}/surveys")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The body's surveys, newest first")
    List<SurveyDto> list(Viewer viewer, @PathVariable long id) {
        return surveys.surveysOf(viewer, id).stream().map(SurveyDto::of).toList();
    }

    @PostMapping("/organisations/{id}/surveys")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Start a survey within the body's permitted ranges; it runs in the background")
    SurveyDto start(Viewer viewer, @PathVariable long id, @RequestBody StartRequest request) {
        if (request.scope() == null || request.scope().isEmpty()) {
            throw new BadInputException("scope: give the addresses to survey");
        }
        boolean user =
                request.onvifUsername() != null && !request.onvifUsername().isBlank();
        boolean password =
                request.onvifPassword() != null && !request.onvifPassword().isEmpty();
        if (user != password) {
            throw new BadInputException("onvifUsername and onvifPassword go together");
        }
        long surveyId = surveys.start(
                viewer,
                id,
                new SurveyRequest(
                        request.scope(),
                        request.exclude() == null ? List.of() : request.exclude(),
                        request.rate() == null ? 300 : request.rate(),
                        request.concurrency() == null ? 32 : request.concurrency(),
                        user ? new OnvifCredentials(request.onvifUsername().strip(), request.onvifPassword()) : null));
        return SurveyDto.of(surveys.survey(viewer, surveyId));
    }

    @PostMapping(path = "/organisations/{id}/surveys/passive", consumes = "multipart/form-data")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary =
                    "Identify the devices a file lists (nmap XML, ARP table, DHCP leases, switch MAC table, MAC list);"
                            + " no packets are sent")
    SurveyDto passive(
            Viewer viewer,
            @PathVariable long id,
            @org.springframework.web.bind.annotation.RequestPart("file")
                    org.springframework.web.multipart.MultipartFile file)
            throws java.io.IOException {
        if (file.getSize() > io.camaudit.discovery.engine.PassiveImport.MAX_BYTES) {
            throw new BadInputException("file: larger than 20 MB");
        }
        long surveyId = surveys.importPassive(
                viewer,
                id,
                file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename(),
                file.getBytes());
        return SurveyDto.of(surveys.survey(viewer, surveyId));
    }

    @GetMapping("/surveys/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "A survey's progress and, host by host, what it found beside the register")
    ResultsDto results(Viewer viewer, @PathVariable long id) {
        SurveyResults r = surveys.results(viewer, id);
        return new ResultsDto(
                SurveyDto.of(r.survey()),
                r.devices().stream().map(HostDto::of).toList(),
                r.otherHosts().stream().map(HostDto::of).toList(),
                r.notSeen());
    }

    @PostMapping("/surveys/{id}/cancel")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    @Operation(summary = "Stop a running survey")
    SurveyDto cancel(Viewer viewer, @PathVariable long id) {
        surveys.cancel(viewer, id);
        return SurveyDto.of(surveys.survey(viewer, id));
    }

    @PostMapping("/surveys/{id}/hosts/{hostId}/accept")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    @Operation(
            summary =
                    "Put what the survey found at this host into the register (new device, or the matched one's facts)")
    Map<String, Object> accept(Viewer viewer, @PathVariable long id, @PathVariable long hostId) {
        Device device = surveys.accept(viewer, id, hostId);
        return Map.of("deviceId", device.id(), "provenance", device.provenance().describe());
    }

    @PostMapping("/surveys/{id}/hosts/{hostId}/reject")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Reject what the survey found at this host; the register is unchanged")
    void reject(Viewer viewer, @PathVariable long id, @PathVariable long hostId) {
        surveys.reject(viewer, id, hostId);
    }
}
