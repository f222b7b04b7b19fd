package io.camaudit.web;

import io.camaudit.shared.web.PasswordChange;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds a session that must change its password to the account page: pages redirect there, API
 * calls are refused with a problem detail. Bearer-token calls have no session and pass.
 */
final class PasswordChangeFilter extends OncePerRequestFilter {

    private static final List<String> OPEN = List.of(
            PasswordChange.PAGE,
            "/account/password",
            "/logout",
            "/login",
            "/govuk/",
            "/assets/",
            "/css/",
            "/favicon.ico",
            "/error");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!PasswordChange.required(request.getSession(false)) || open(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (SecurityConfig.isApi(request)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/problem+json");
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                            + "\"detail\":\"Change your password on your account page before using the service\"}");
            return;
        }
        response.sendRedirect(request.getContextPath() + PasswordChange.PAGE);
    }

    private static boolean open(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String prefix : OPEN) {
            if (prefix.endsWith("/") ? path.startsWith(prefix) : path.equals(prefix)) {
                return true;
            }
        }
        return false;
    }
}
