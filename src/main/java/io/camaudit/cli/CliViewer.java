package io.camaudit.cli;

import io.camaudit.shared.Role;
import io.camaudit.shared.Viewer;

/**
 * Whoever runs the command line already holds the database, so commands act as an administrator;
 * the audit log names them by their operating-system account.
 */
final class CliViewer {

    private CliViewer() {}

    static Viewer get() {
        String user = System.getProperty("user.name", "unknown");
        return new Viewer("cli:" + user, Role.ADMINISTRATOR, null);
    }
}
