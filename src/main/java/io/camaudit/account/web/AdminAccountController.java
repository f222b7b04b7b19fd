package io.camaudit.account.web;

import io.camaudit.account.Accounts;
import io.camaudit.account.NewSecret;
import io.camaudit.register.Organisation;
import io.camaudit.register.Register;
import io.camaudit.shared.ConflictException;
import io.camaudit.shared.Role;
import io.camaudit.shared.Viewer;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Administrators manage accounts: add, reset a password, disable. */
@Controller
class AdminAccountController {

    private final Accounts accounts;
    private final Register register;

    AdminAccountController(Accounts accounts, Register register) {
        this.accounts = accounts;
        this.register = register;
    }

    @GetMapping("/admin/accounts")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    String list(Viewer viewer, Model model) {
        return page(viewer, model);
    }

    @PostMapping("/admin/accounts")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    String create(
            Viewer viewer,
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(required = false) @Nullable Role role,
            @RequestParam(required = false) @Nullable Long organisation,
            Model model) {
        String error = null;
        if (role == null) {
            error = "Select the role";
        } else if (role == Role.SUPPLIER) {
            error = "Give a supplier its account from the supplier's page, which ties it to the supplier";
        } else {
            try {
                NewSecret secret = accounts.create(
                        viewer, username, displayName, role, role == Role.OFFICER ? organisation : null);
                model.addAttribute("created", username.strip());
                model.addAttribute("password", secret.secret());
            } catch (IllegalArgumentException | ConflictException e) {
                error = Character.toUpperCase(e.getMessage().charAt(0))
                        + e.getMessage().substring(1);
            }
        }
        if (error != null) {
            model.addAttribute("error", error);
            model.addAttribute("hasErrors", true);
        }
        return page(viewer, model);
    }

    @PostMapping("/admin/accounts/{id}/reset-password")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    String reset(Viewer viewer, @PathVariable long id, Model model) {
        NewSecret secret = accounts.resetPassword(viewer, id);
        model.addAttribute("created", accounts.account(viewer, id).username());
        model.addAttribute("password", secret.secret());
        model.addAttribute("reset", true);
        return page(viewer, model);
    }

    @PostMapping("/admin/accounts/{id}/enabled")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    String enable(Viewer viewer, @PathVariable long id, @RequestParam boolean enabled, Model model) {
        try {
            accounts.setEnabled(viewer, id, enabled);
        } catch (ConflictException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("hasErrors", true);
            return page(viewer, model);
        }
        return "redirect:/admin/accounts";
    }

    private String page(Viewer viewer, Model model) {
        Map<Long, String> names = new HashMap<>();
        for (Organisation o : register.organisations(viewer)) {
            names.put(o.id(), o.name());
        }
        model.addAttribute("accounts", accounts.all(viewer));
        model.addAttribute("organisations", register.organisations(viewer));
        model.addAttribute("names", names);
        // A supplier account is given from its supplier's page, where it is tied to the supplier it speaks for.
        model.addAttribute(
                "roles",
                java.util.Arrays.stream(Role.values())
                        .filter(r -> r != Role.SUPPLIER)
                        .toList());
        return "admin/accounts";
    }
}
