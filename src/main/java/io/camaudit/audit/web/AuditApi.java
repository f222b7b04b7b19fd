package io.camaudit.audit.web;

import io.camaudit.audit.AuditEvent;
import io.camaudit.audit.AuditLog;
import io.camaudit.shared.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log as JSON, newest first. */
@RestController
@Tag(name = "Audit", description = "The append-only record of changes")
class AuditApi {

    private final AuditLog audit;

    AuditApi(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/v1/audit")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Audit events the caller may see; page with 'before' (an event id)")
    List<AuditEvent> events(
            Viewer viewer,
            @RequestParam(required = false) @Nullable Long organisation,
            @RequestParam(required = false) @Nullable Long before,
            @RequestParam(defaultValue = "100") int size) {
        return audit.recent(viewer, organisation, before, size);
    }
}
