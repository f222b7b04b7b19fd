package io.camaudit.audit.web;

import io.camaudit.audit.AuditEvent;
import io.camaudit.audit.AuditLog;
import io.camaudit.shared.Viewer;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log, newest first: everything for administrators and auditors, one body's for its officers. */
@Controller
class AuditController {

    private static final int PAGE = 100;

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/audit")
    @PreAuthorize("isAuthenticated()")
    String list(
            Viewer viewer,
            @RequestParam(required = false) @Nullable Long organisation,
            @RequestParam(required = false) @Nullable Long before,
            Model model) {
        List<AuditEvent> events = audit.recent(viewer, organisation, before, PAGE);
        model.addAttribute("events", events);
        model.addAttribute("organisation", organisation);
        model.addAttribute(
                "next", events.size() == PAGE ? events.get(events.size() - 1).id() : null);
        return "audit/list";
    }
}
