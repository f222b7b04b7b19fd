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
            "The database is an H2 file under --data-dir (default ./data) unless SPRING_DATASOURCE_URL names",
            "another (PostgreSQL in production; see the README)."
        },
        subcommands = {ServeCommand.class, ImportCommand.class, ExportCommand.class, UserCommand.class})
public class CamauditCommand implements Runnable {

    private static volatile boolean serving;

    /** True once {@code serve} has started the web service, which then keeps the JVM alive. */
    public static boolean serving() {
        return serving;
    }

    static void markServing() {
        serving = true;
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(
                new picocli.CommandLine(this), "Name a command: serve, import, export or user (see --help)");
    }
}
