package io.camaudit.web;

import io.camaudit.account.Account;
import io.camaudit.shared.Role;
import io.camaudit.shared.Viewer;
import java.time.Instant;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Signs a MockMvc request in as a given viewer, as the application's own principal. */
public final class TestPrincipals {

    private TestPrincipals() {}

    public static RequestPostProcessor as(Viewer viewer) {
        Account account = new Account(
                1, viewer.username(), viewer.username(), viewer.role(), viewer.organisationId(), true, Instant.EPOCH);
        CamauditPrincipal principal = new CamauditPrincipal(account, "", false, false);
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .authentication(
                        UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }

    public static Viewer auditor() {
        return new Viewer("auditor", Role.AUDITOR, null);
    }
}
