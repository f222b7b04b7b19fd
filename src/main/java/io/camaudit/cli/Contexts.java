package io.camaudit.cli;

import io.camaudit.CamauditApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the application context a command needs: with the web server for serve, without for the rest. */
final class Contexts {

    private Contexts() {}

    static ConfigurableApplicationContext start(boolean web, @Nullable Path dataDir, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of(extraArgs));
        if (dataDir != null) {
            args.add("--camaudit.data-dir=" + dataDir.toAbsolutePath());
        }
        SpringApplicationBuilder builder = new SpringApplicationBuilder(CamauditApplication.class)
                .web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE);
        if (!web) {
            builder.logStartupInfo(false)
                    .properties(
                            "spring.main.banner-mode=off", "logging.level.root=WARN", "camaudit.bootstrap-admin=false");
        }
        return builder.run(args.toArray(String[]::new));
    }
}
