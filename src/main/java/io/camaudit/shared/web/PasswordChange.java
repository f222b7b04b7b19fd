package io.camaudit.shared.web;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

/**
 * A session whose account signed in with a password someone else chose carries this mark until
 * the password is changed; until then it reaches only its account page (see the web module's
 * PasswordChangeFilter).
 */
public final class PasswordChange {

    public static final String SESSION_ATTRIBUTE = "camaudit.mustChangePassword";

    /** Where such a session is sent. */
    public static final String PAGE = "/account";

    private PasswordChange() {}

    public static boolean required(@Nullable HttpSession session) {
        return session != null && Boolean.TRUE.equals(session.getAttribute(SESSION_ATTRIBUTE));
    }

    public static void require(HttpSession session) {
        session.setAttribute(SESSION_ATTRIBUTE, Boolean.TRUE);
    }

    public static void done(@Nullable HttpSession session) {
        if (session != null) {
            session.removeAttribute(SESSION_ATTRIBUTE);
        }
    }
}
