package io.camaudit.capability.engine;

import io.camaudit.discovery.engine.OnvifCredentials;

/**
 * The read-only account a body gave for its devices. Sent only as digests (HTTP Digest, ONVIF's
 * WS-UsernameToken digest), or as Basic over TLS where a device offers nothing else; never
 * printed: {@link #toString()} leaves the password out.
 */
public record AuditCredentials(String username, String password) {

    public AuditCredentials {
        if (username.isBlank()) {
            throw new IllegalArgumentException("The device user name is empty");
        }
        if (username.chars().anyMatch(c -> c < 0x20 || c == '"')) {
            throw new IllegalArgumentException("The device user name may not hold quotes or control characters");
        }
    }

    public OnvifCredentials onvif() {
        return new OnvifCredentials(username, password);
    }

    @Override
    public String toString() {
        return "AuditCredentials[username=" + username + ", password=(hidden)]";
    }
}
