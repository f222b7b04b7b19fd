package io.camaudit.remediation.api;

import io.camaudit.remediation.Remediation;
import io.camaudit.remediation.engine.ActionKind;
import io.camaudit.remediation.engine.ActionStatus;
import io.camaudit.shared.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
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

/** A body's remediation plan as JSON: its flagged devices, actions and progress. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Remediation", description = "What a body is doing about its flagged cameras")
class RemediationApi {

    private final Remediation remediation;

    RemediationApi(Remediation remediation) {
        this.remediation = remediation;
    }

    record NewAction(
            long deviceId,
            ActionKind action,
            @Nullable String capability,
            String owner,
            LocalDate targetDate,
            @Nullable Long costPence,
            @Nullable String note) {}

    record StatusChange(ActionStatus status, @Nullable String note, int version) {}

    @GetMapping("/organisations/{id}/remediation")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER', 'AUDITOR')")
    @Operation(summary = "The body's remediation plan: flagged devices, actions, progress by month")
    Remediation.Plan plan(Viewer viewer, @PathVariable long id) {
        return remediation.plan(viewer, id);
    }

    @PostMapping("/organisations/{id}/remediation/actions")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Plan an action for one of the body's devices")
    Remediation.Plan add(Viewer viewer, @PathVariable long id, @RequestBody NewAction body) {
        remediation.add(
                viewer,
                body.deviceId(),
                body.action(),
                body.capability(),
                body.owner(),
                body.targetDate(),
                body.costPence(),
                body.note());
        return remediation.plan(viewer, id);
    }

    @PutMapping("/remediation-actions/{id}")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    @Operation(summary = "Move an action on (give the version you read; a stale one is refused with 409)")
    void update(Viewer viewer, @PathVariable long id, @RequestBody StatusChange body) {
        remediation.update(viewer, id, body.status(), body.note(), body.version());
    }
}
