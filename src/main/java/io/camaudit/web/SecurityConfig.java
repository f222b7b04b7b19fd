package io.camaudit.web;

import io.camaudit.account.Accounts;
import io.camaudit.shared.web.PasswordChange;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what. Pages use a session with a CSRF token on every form; the API takes a bearer
 * token (for scripts) or the session. Every handler also carries its own method-level rule, and
 * the register enforces each body's data boundary below that.
 */
@Configuration
@EnableMethodSecurity
@ConditionalOnWebApplication
class SecurityConfig {

    @Bean
    UserDetailsService userDetailsService(Accounts accounts) {
        return username -> accounts.credentials(username)
                .map(c -> new CamauditPrincipal(
                        c.account(), c.passwordHash(), accounts.locked(c), c.mustChangePassword()))
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http, Accounts accounts, @Value("${camaudit.session.secure-cookie:true}") boolean secure)
            throws Exception {
        RequestMatcher api = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        RequestMatcher bearer = request -> {
            String header = request.getHeader("Authorization");
            return header != null && header.startsWith("Bearer ");
        };
        http.authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/login", "/govuk/**", "/assets/**", "/css/**", "/error", "/favicon.ico")
                        .permitAll()
                        // The public list of suppliers asked; one-time links, and the requests they open (the
                        // controller admits only a supplier account or the holder of the link's grant).
                        .requestMatchers("/public/**", "/api/v1/public/**", "/respond/**", "/supplier/requests/**")
                        .permitAll()
                        .requestMatchers("/supplier", "/supplier/**")
                        .hasRole("SUPPLIER")
                        .requestMatchers("/account", "/account/**", "/logout")
                        .authenticated()
                        // Everything else is staff's: a supplier account reaches nothing of any register.
                        .anyRequest()
                        .access((authentication, context) -> new AuthorizationDecision(staff(authentication.get()))))
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(signedIn(accounts))
                        .failureHandler(signInFailed(accounts)))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedout"))
                // Scripts with a bearer token have no session to ride, so CSRF does not apply to them.
                .csrf(csrf -> csrf.ignoringRequestMatchers(bearer))
                .addFilterBefore(new BearerTokenFilter(accounts), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new PasswordChangeFilter(), AuthorizationFilter.class)
                .exceptionHandling(ex ->
                        ex.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api))
                .headers(headers -> headers.referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    /**
     * After a sign-in: ends a run of failures, and holds a session whose password someone else
     * chose to the account page until it is changed.
     */
    private static AuthenticationSuccessHandler signedIn(Accounts accounts) {
        SavedRequestAwareAuthenticationSuccessHandler toWhereTheyWereGoing =
                new SavedRequestAwareAuthenticationSuccessHandler();
        toWhereTheyWereGoing.setDefaultTargetUrl("/");
        return (request, response, authentication) -> {
            accounts.signedIn(authentication.getName());
            boolean supplier =
                    authentication.getAuthorities().stream().anyMatch(a -> "ROLE_SUPPLIER".equals(a.getAuthority()));
            if (authentication.getPrincipal() instanceof CamauditPrincipal principal
                    && principal.mustChangePassword()) {
                PasswordChange.require(request.getSession());
                response.sendRedirect(request.getContextPath() + PasswordChange.PAGE);
                return;
            }
            if (supplier) {
                response.sendRedirect(request.getContextPath() + "/supplier"); // its only place
                return;
            }
            toWhereTheyWereGoing.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /**
     * After a failed sign-in: counts it against the account (locking it after several in a row).
     * A locked account and a wrong password get the same page, which says both.
     */
    private static AuthenticationFailureHandler signInFailed(Accounts accounts) {
        return (request, response, exception) -> {
            String username = request.getParameter("username");
            if (exception instanceof BadCredentialsException && username != null && !username.isBlank()) {
                accounts.signInFailed(username.strip());
            }
            response.sendRedirect(request.getContextPath() + "/login?error");
        };
    }

    /** Signed in, and not as a supplier. */
    static boolean staff(org.springframework.security.core.@org.jspecify.annotations.Nullable Authentication who) {
        return who != null
                && who.isAuthenticated()
                && !(who instanceof org.springframework.security.authentication.AnonymousAuthenticationToken)
                && who.getAuthorities().stream().noneMatch(a -> "ROLE_SUPPLIER".equals(a.getAuthority()));
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
}
