package io.camaudit.capability.api;

import io.camaudit.capability.AuditView;
import io.camaudit.capability.CapabilityAudits;
import io.camaudit.capability.CapabilitySummary;
import io.camaudit.capability.CredentialView;
import io.camaudit.capability.ResultView;
import io.camaudit.shared.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Capability audits as JSON: a body's picture, its audits and their results, its device accounts and its schedule. */
@RestController
@RequestMapping("/api/v1")
@Tag(
        name = "Capability audits",
        description = "What each camera can do and what is switched on, against what the body declared")
class CapabilityApi {

    private final CapabilityAudits audits;

    CapabilityApi(CapabilityAudits audits) {
        this.audits = audits;
    }

    /** The account, if given, is for this audit only: kept in memory while it runs, never stored. */
    record StartRequest(
            @Nullable String scope,
            @Nullable Boolean registeredOnly,
            @Nullable String username,
            @Nullable String password) {}

    record AccountRequest(
            String username,
            String password,
            @Nullable Long siteId,
            @Nullable Long deviceId) {}

    record ScheduleRequest(int everyDays, @Nullable String scope) {}

    record ScheduleDto(int everyDays, String scope, Instant nextRunAt, String setBy) {}

    record PictureDto(CapabilitySummary summary, String sentence, List<ResultView> devices) {}

    record AuditDto(AuditView audit, List<ResultView> results) {}

    @GetMapping("/organisations/{id}/capabilities")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "A body's present picture: the latest audit of each device, and the summary")
    PictureDto picture(Viewer viewer, @PathVariable long id) {
        CapabilitySummary summary = audits.summary(viewer, id);
        return new PictureDto(summary, summary.sentence(), audits.latest(viewer, id));
    }

    @GetMapping("/organisations/{id}/capability-audits")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "A body's capability audits, newest first")
    List<AuditView> list(Viewer viewer, @PathVariable long id) {
        return audits.audits(viewer, id);
    }

    @PostMapping("/organisations/{id}/capability-audits")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Start a capability audit of the body's permitted ranges, or of the part of them given")
    AuditView start(
            Viewer viewer, @PathVariable long id, @RequestBody(required = false) @Nullable StartRequest request) {
        long auditId = audits.start(viewer, id, request == null ? null : request.scope());
        return audits.audit(viewer, auditId);
    }

    private static io.camaudit.capability.engine.AuditCredentials credentials(String username, String password) {
        try {
            return new io.camaudit.capability.engine.AuditCredentials(username.strip(), password);
        } catch (IllegalArgumentException e) {
            throw new io.camaudit.shared.BadInputException(e.getMessage());
        }
    }

    @GetMapping("/capability-audits/{auditId}")
    @PreAuthorize("isAuthenticated()")
    @Operation(
            summary =
                    "An audit, its progress and each device's matrix, vulnerabilities and changes since its last audit")
    AuditDto audit(Viewer viewer, @PathVariable long auditId) {
        return new AuditDto(audits.audit(viewer, auditId), audits.results(viewer, auditId));
    }

    @PostMapping("/capability-audits/{auditId}/cancel")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Stop a running audit; devices under way finish first")
    void cancel(Viewer viewer, @PathVariable long auditId) {
        audits.cancel(viewer, auditId);
    }

    @GetMapping("/organisations/{id}/device-accounts")
    @PreAuthorize("isAuthenticated()")
    @Operation(
            summary =
                    "The read-only device accounts the body gave (user names and what they apply to; never passwords)")
    List<CredentialView> accounts(Viewer viewer, @PathVariable long id) {
        return audits.credentials(viewer, id);
    }

    @PostMapping("/organisations/{id}/device-accounts")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Keep a read-only device account for one device, a site, or every device (neither given)")
    Map<String, Long> addAccount(Viewer viewer, @PathVariable long id, @RequestBody AccountRequest request) {
        return Map.of(
                "id",
                audits.addCredential(
                        viewer,
                        id,
                        request.siteId(),
                        request.deviceId(),
                        request.username() == null ? "" : request.username(),
                        request.password() == null ? "" : request.password()));
    }

    @DeleteMapping("/organisations/{id}/device-accounts/{accountId}")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a device account")
    void removeAccount(Viewer viewer, @PathVariable long id, @PathVariable long accountId) {
        audits.removeCredential(viewer, id, accountId);
    }

    @GetMapping("/organisations/{id}/capability-schedule")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "How often the body's audit repeats, if it does")
    @Nullable
    ScheduleDto schedule(Viewer viewer, @PathVariable long id) {
        return audits.schedule(viewer, id)
                .map(s -> new ScheduleDto(s.everyDays(), s.scope(), s.nextRunAt(), s.setBy()))
                .orElse(null);
    }

    @PutMapping("/organisations/{id}/capability-schedule")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    @Operation(summary = "Repeat the body's audit every so many days (0 stops it)")
    @Nullable
    ScheduleDto setSchedule(Viewer viewer, @PathVariable long id, @RequestBody ScheduleRequest request) {
        audits.setSchedule(viewer, id, request.everyDays(), request.scope());
        return schedule(viewer, id);
    }
}
