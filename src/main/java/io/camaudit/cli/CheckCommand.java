package io.camaudit.cli;

import io.camaudit.intel.engine.CheckResult;
import io.camaudit.intel.engine.Verdict;
import io.camaudit.register.Organisation;
import io.camaudit.register.Register;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The procurement check: may this supplier, brand or product be bought? */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Check whether a supplier, brand or product may be bought, under a procurement policy.",
            "",
            "Names the company that really makes it (\"HiLook IPC-B140H\" is made by Hikvision), then applies the"
                    + " policy and prints the verdict with every reason and its sources.",
            "",
            "Exit code: 0 ELIGIBLE, 3 CONDITIONAL, 4 INELIGIBLE; 1 for an error (such as an unknown policy)."
        })
final class CheckCommand implements Callable<Integer> {

    @Mixin
    DataDirOption data = new DataDirOption();

    @Option(
            names = "--policy",
            paramLabel = "ID",
            description = "The policy to apply (see `camaudit intel policies`); default: the organisation's, else the"
                    + " default policy")
    @Nullable
    String policy;

    @Option(
            names = {"-o", "--organisation"},
            paramLabel = "NAME|ID",
            description = "Apply the policy this organisation has chosen")
    @Nullable
    String organisation;

    @Option(names = "--sensitive-site", description = "The purchase is for a sensitive site")
    boolean sensitiveSite;

    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "The supplier, brand or product, as written")
    List<String> text;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = Contexts.start(false, data.dataDir)) {
            io.camaudit.intel.Policies policies = context.getBean(io.camaudit.intel.Policies.class);
            String policyId = policy;
            if (policyId == null && organisation != null) {
                Organisation org =
                        ImportCommand.resolve(context.getBean(Register.class), CliViewer.get(), organisation);
                policyId = policies.policyOf(CliViewer.get(), org.id()).id();
            }
            CheckResult result = policies.check(CliViewer.get(), String.join(" ", text), policyId, sensitiveSite);
            CheckPrinter.print(System.out, result);
            return exitCode(result.verdict());
        }
    }

    static int exitCode(Verdict verdict) {
        return switch (verdict) {
            case ELIGIBLE -> 0;
            case CONDITIONAL -> 3;
            case INELIGIBLE -> 4;
        };
    }
}
