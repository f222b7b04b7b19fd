package io.camaudit;

import io.camaudit.cli.CamauditCommand;
import io.camaudit.cli.Contexts;
import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * camaudit: the register of UK public bodies' surveillance cameras. {@link #main} is the command
 * line; {@code camaudit serve} runs the web service.
 */
@SpringBootApplication
@SuppressWarnings("checkstyle:HideUtilityClassConstructor") // Spring instantiates it
public class CamauditApplication {

    public static void main(String[] args) {
        Contexts.use(CamauditApplication.class);
        int exit = CamauditCommand.commandLine().execute(args);
        if (exit != 0 || !CamauditCommand.serving()) {
            System.exit(exit);
        }
    }

    /** The one clock every feature reads, so that tests can fix time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
