package io.camaudit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the application context a command needs: with the web server for serve, without for the rest. */
public final class Contexts {

    /** The Spring Boot application class, set by {@code main}; the CLI module does not name it. */
    private static volatile Class<?> application = Object.class;

    private Contexts() {}

    public static void use(Class<?> applicationClass) {
        application = applicationClass;
    }

    static ConfigurableApplicationContext start(boolean web, @Nullable Path dataDir, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of(extraArgs));
        if (dataDir != null) {
            args.add("--camaudit.data-dir=" + dataDir.toAbsolutePath());
        }
        SpringApplicationBuilder builder = new SpringApplicationBuilder(application)
                .web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE);
        if (!web) {
            builder.logStartupInfo(false)
                    .properties(
                            "spring.main.banner-mode=off",
                            "logging.level.root=WARN",
                            // Standard output is the command's product (an export, a password): no log lines in it.
                            "logging.threshold.console=OFF",
                            "camaudit.bootstrap-admin=false",
                            // A command ends when its work is done; devices are annotated by the service.
                            "camaudit.annotate-devices=false",
                            // Scheduled capability audits are the service's to run, not a command's.
                            "camaudit.scheduled-audits=false",
                            // Due-diligence reminders and escalations are the service's to send.
                            "camaudit.mail.scheduled=false");
        }
        return builder.run(args.toArray(String[]::new));
    }
}
