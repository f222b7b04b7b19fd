package io.camaudit.account.web;

import io.camaudit.account.Accounts;
import io.camaudit.account.NewSecret;
import io.camaudit.shared.NotFoundException;
import io.camaudit.shared.Viewer;
import io.camaudit.shared.web.PasswordChange;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** One's own account: change password, make and revoke API tokens. */
@Controller
class AccountController {

    private final Accounts accounts;

    AccountController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/account")
    @PreAuthorize("isAuthenticated()")
    String show(Viewer viewer, HttpSession session, Model model) {
        model.addAttribute("tokens", accounts.tokens(viewer));
        model.addAttribute("mustChangePassword", PasswordChange.required(session));
        return "account/show";
    }

    @PostMapping("/account/password")
    @PreAuthorize("isAuthenticated()")
    String changePassword(
            Viewer viewer,
            @RequestParam String currentPassword,
            @RequestParam String newPassword,
            @RequestParam String confirmPassword,
            HttpSession session,
            Model model) {
        String error = null;
        String field = "newPassword";
        if (!newPassword.equals(confirmPassword)) {
            error = "The new passwords do not match";
            field = "confirmPassword";
        } else {
            try {
                accounts.changePassword(viewer, currentPassword, newPassword);
            } catch (IllegalArgumentException e) {
                error = Character.toUpperCase(e.getMessage().charAt(0))
                        + e.getMessage().substring(1);
                field = e.getMessage().contains("current") ? "currentPassword" : "newPassword";
            }
        }
        model.addAttribute("tokens", accounts.tokens(viewer));
        if (error != null) {
            model.addAttribute("passwordError", error);
            model.addAttribute("passwordErrorField", field);
            model.addAttribute("hasErrors", true);
        } else {
            PasswordChange.done(session);
            model.addAttribute("success", "Your password was changed.");
        }
        model.addAttribute("mustChangePassword", PasswordChange.required(session));
        return "account/show";
    }

    @PostMapping("/account/tokens")
    @PreAuthorize("isAuthenticated()")
    String createToken(Viewer viewer, @RequestParam(defaultValue = "") String name, Model model) {
        model.addAttribute("tokens", accounts.tokens(viewer));
        try {
            NewSecret token = accounts.createToken(viewer, name, null);
            model.addAttribute("newToken", token.secret());
            model.addAttribute("tokens", accounts.tokens(viewer));
        } catch (IllegalArgumentException e) {
            model.addAttribute("tokenError", "Enter a name for the token, 100 characters or fewer");
            model.addAttribute("hasErrors", true);
        }
        return "account/show";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    @PreAuthorize("isAuthenticated()")
    String revoke(Viewer viewer, @PathVariable long id) {
        try {
            accounts.revokeToken(viewer, id);
        } catch (NotFoundException e) {
            throw e;
        }
        return "redirect:/account";
    }
}
