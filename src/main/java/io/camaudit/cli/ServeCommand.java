package io.camaudit.cli;

import io.camaudit.register.demo.DemoEstate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs the web service and API. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Run the web service and JSON API (http://localhost:8080 unless --port says otherwise).",
            "On first start it creates the account 'admin' with a random password, printed once here."
        })
final class ServeCommand implements Callable<Integer> {

    @Mixin
    DataDirOption data = new DataDirOption();

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (default 8080)")
    Integer port;

    @Option(
            names = "--demo",
            description = "Fill an empty register with a synthetic estate (a few hundred bodies, tens of thousands"
                    + " of devices) so that every page has something to show. Does nothing if the register has data.")
    boolean demo;

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>();
        if (port != null) {
            args.add("--server.port=" + port);
        }
        ConfigurableApplicationContext context = Contexts.start(true, data.dataDir, args.toArray(String[]::new));
        if (demo) {
            DemoEstate.Result result = context.getBean(DemoEstate.class).fillIfEmpty();
            System.out.println(result.describe());
        }
        CamauditCommand.markServing();
        return 0;
    }
}
