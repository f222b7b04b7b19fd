package io.camaudit.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A Content Security Policy with a fresh nonce per response: only scripts the layout marks with
 * {@code th:nonce} run, so injected markup cannot run script.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CspNonceFilter extends OncePerRequestFilter {

    static final String ATTRIBUTE = "cspNonce";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String nonce = Base64.getEncoder().encodeToString(bytes);
        request.setAttribute(ATTRIBUTE, nonce);
        response.setHeader(
                "Content-Security-Policy",
                "default-src 'self'; script-src 'self' 'nonce-" + nonce + "';"
                        + " style-src 'self'; img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self';"
                        + " form-action 'self'; frame-ancestors 'none'");
        chain.doFilter(request, response);
    }
}
