package io.camaudit.web;

import io.camaudit.account.Account;
import io.camaudit.shared.Viewer;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in account as Spring Security holds it. */
public final class CamauditPrincipal implements UserDetails {

    private static final long serialVersionUID = 1L;

    private final Account account;
    private final String passwordHash;
    private final boolean locked;
    private final boolean mustChangePassword;

    CamauditPrincipal(Account account, String passwordHash, boolean locked, boolean mustChangePassword) {
        this.account = account;
        this.passwordHash = passwordHash;
        this.locked = locked;
        this.mustChangePassword = mustChangePassword;
    }

    boolean mustChangePassword() {
        return mustChangePassword;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    public Account account() {
        return account;
    }

    public Viewer viewer() {
        return account.viewer();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + account.role().name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return account.username();
    }

    @Override
    public boolean isEnabled() {
        return account.enabled();
    }

    @Override
    public String toString() {
        return "CamauditPrincipal[" + account.username() + "]";
    }
}
