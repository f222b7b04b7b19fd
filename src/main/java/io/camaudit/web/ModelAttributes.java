package io.camaudit.web;

import io.camaudit.shared.Viewer;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: the viewer for the header, the CSP nonce for scripts. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class ModelAttributes {

    @ModelAttribute("viewer")
    @Nullable
    Viewer viewer() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CamauditPrincipal principal) {
            return principal.viewer();
        }
        return null;
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
