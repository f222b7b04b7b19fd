package io.camaudit.discovery.engine;

/**
 * A user name and password the body gave for ONVIF's authenticated read-only calls. Never guessed,
 * never printed: {@link #toString()} leaves the password out.
 */
public record OnvifCredentials(String username, String password) {

    public OnvifCredentials {
        if (username.isBlank()) {
            throw new IllegalArgumentException("The ONVIF user name is empty");
        }
    }

    @Override
    public String toString() {
        return "OnvifCredentials[username=" + username + ", password=(hidden)]";
    }
}
