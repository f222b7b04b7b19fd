package io.camaudit.cli;

import picocli.CommandLine.Command;

/** The top of the command line. */
@Command(
        name = "camaudit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Register, survey and assess the surveillance camera estate of UK public bodies.",
            "",
            "The database is an H2 file under --data-dir (default ./data) unless SPRING_DATASOURCE_URL names another"
                    + " (PostgreSQL in production; see the README).",
            ""
        },
        subcommands = {
            ServeCommand.class,
            OrganisationCommand.class,
            ImportCommand.class,
            ExportCommand.class,
            CheckCommand.class,
            ScanCommand.class,
            AuditCommand.class,
            IngestCommand.class,
            CollectCommand.class,
            DiligenceCommand.class,
            ReportCommand.class,
            IdentifyCommand.class,
            IntelCommand.class,
            UserCommand.class
        })
public class CamauditCommand implements Runnable {

    private static volatile boolean serving;

    /** True once {@code serve} has started the web service, which then keeps the JVM alive. */
    public static boolean serving() {
        return serving;
    }

    static void markServing() {
        serving = true;
    }

    /**
     * The command line with camaudit's error handling: a problem the user can fix (an unknown
     * organisation, a bad file, a clash) is printed as one line and exits 1; anything else is a bug
     * and prints its stack trace.
     */
    public static picocli.CommandLine commandLine() {
        picocli.CommandLine line = new picocli.CommandLine(new CamauditCommand());
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof RuntimeException && userError(cause))) {
                cause = cause.getCause();
            }
            if (userError(cause)) {
                cmd.getErr().println("camaudit: " + cause.getMessage());
                return 1;
            }
            throw e;
        });
        return line;
    }

    private static boolean userError(Throwable e) {
        return e instanceof io.camaudit.shared.NotFoundException
                || e instanceof io.camaudit.shared.BadInputException
                || e instanceof io.camaudit.shared.ConflictException
                || e instanceof io.camaudit.shared.ForbiddenException
                || e instanceof IllegalArgumentException;
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(
                new picocli.CommandLine(this),
                "Name a command: serve, import, export, check, intel or user (see --help)");
    }
}
