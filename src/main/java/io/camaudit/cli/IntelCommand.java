package io.camaudit.cli;

import io.camaudit.intel.Intel;
import io.camaudit.intel.StoredBundle;
import io.camaudit.intel.engine.BundleDiff;
import io.camaudit.intel.engine.BundleReader;
import io.camaudit.intel.engine.IntelBundle;
import io.camaudit.intel.engine.MacRegistry;
import io.camaudit.intel.engine.Policy;
import io.camaudit.intel.engine.PolicyRule;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The reference intelligence: which bundle is in use, newer bundles, the MAC registries, the policies. */
@Command(
        name = "intel",
        mixinStandardHelpOptions = true,
        description = "Show and update the reference intelligence (makers, brands, listings, policies) and the IEEE MAC"
                + " registries.",
        subcommands = {
            IntelCommand.Status.class,
            IntelCommand.Import.class,
            IntelCommand.Diff.class,
            IntelCommand.Policies.class,
            IntelCommand.MacRefresh.class
        })
final class IntelCommand implements Runnable {

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(
                new picocli.CommandLine(this), "Name a command: status, import, diff, policies or mac-refresh");
    }

    @Command(
            name = "status",
            mixinStandardHelpOptions = true,
            description = "The bundle in use, earlier ones, and the MAC registries.")
    static final class Status implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = Contexts.start(false, data.dataDir)) {
                Intel intel = context.getBean(Intel.class);
                PrintStream out = System.out;
                IntelBundle bundle = intel.bundle();
                out.println("Intel bundle in use: " + bundle.version() + " (" + bundle.title() + ", compiled "
                        + bundle.compiled() + ")");
                out.println("  " + bundle.companies().size() + " companies, "
                        + bundle.brands().size() + " brands, "
                        + bundle.productLines().size() + " model grammars, "
                        + bundle.listings().size() + " listings, "
                        + bundle.findings().size() + " findings, "
                        + bundle.policies().size() + " policies");
                MacRegistry macs = intel.macs();
                out.println(intel.macSource()
                        .map(source -> "MAC registries: " + source + " (" + macs.count(MacRegistry.Kind.MA_L)
                                + " MA-L, "
                                + macs.count(MacRegistry.Kind.MA_M) + " MA-M, " + macs.count(MacRegistry.Kind.MA_S)
                                + " MA-S, " + macs.count(MacRegistry.Kind.IAB) + " IAB blocks"
                                + macs.lastUpdate()
                                        .map(u -> "; fetched " + java.time.Instant.ofEpochSecond(Long.parseLong(u)))
                                        .orElse("")
                                + ")")
                        .orElse("MAC registries: none (install Debian's ieee-data package, then run `camaudit intel"
                                + " mac-refresh`)"));
                out.println("Bundles on record:");
                for (StoredBundle stored : intel.history()) {
                    out.println("  " + stored.version() + "  " + stored.origin() + ", loaded " + stored.loadedAt()
                            + " by " + stored.loadedBy());
                }
                return 0;
            }
        }
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = {
                "Load a newer intel bundle: a folder or zip holding its files (as in src/main/resources/intel).",
                "The bundle is checked whole first; any problem is listed with its file, line and column, and nothing"
                        + " changes. Its version must be newer than the one in use."
            })
    static final class Import implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();

        @Parameters(paramLabel = "PATH", description = "The bundle folder or zip")
        Path path;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = Contexts.start(false, data.dataDir)) {
                Intel intel = context.getBean(Intel.class);
                String before = intel.bundle().version().text();
                IntelBundle bundle = intel.importBundle(CliViewer.get(), path);
                System.out.println("Loaded intel bundle " + bundle.version() + " (was " + before + ").");
                return 0;
            }
        }
    }

    @Command(
            name = "diff",
            mixinStandardHelpOptions = true,
            description = "What changed between two bundles on record, or a bundle on record and a folder or zip:"
                    + " the rows removed (-) and added (+), file by file.")
    static final class Diff implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();

        @Parameters(index = "0", paramLabel = "FROM", description = "A version on record, or a bundle folder or zip")
        String from;

        @Parameters(index = "1", paramLabel = "TO", description = "A version on record, or a bundle folder or zip")
        String to;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = Contexts.start(false, data.dataDir)) {
                Intel intel = context.getBean(Intel.class);
                List<BundleDiff.FileChanges> changes = BundleDiff.between(bundle(intel, from), bundle(intel, to));
                if (changes.isEmpty()) {
                    System.out.println("No differences.");
                }
                for (BundleDiff.FileChanges file : changes) {
                    System.out.println("--- " + file.file());
                    file.removed().forEach(line -> System.out.println("- " + line));
                    file.added().forEach(line -> System.out.println("+ " + line));
                }
                return 0;
            }
        }

        private static IntelBundle bundle(Intel intel, String versionOrPath) {
            Path path = Path.of(versionOrPath);
            if (java.nio.file.Files.exists(path)) {
                try {
                    return BundleReader.fromPath(path);
                } catch (io.camaudit.intel.engine.IntelBundleException e) {
                    throw new io.camaudit.shared.BadInputException(e.getMessage());
                }
            }
            return intel.storedBundle(versionOrPath);
        }
    }

    @Command(
            name = "policies",
            mixinStandardHelpOptions = true,
            description = "The procurement policies and their rules.")
    static final class Policies implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = Contexts.start(false, data.dataDir)) {
                IntelBundle bundle = context.getBean(Intel.class).bundle();
                for (Policy policy : bundle.policies()) {
                    System.out.println(policy.id() + (policy.isDefault() ? " (default)" : "") + ": " + policy.name());
                    System.out.println("  " + policy.description());
                    for (PolicyRule rule : policy.rules()) {
                        System.out.println("  " + rule.order() + ". if " + rule.when() + " then " + rule.verdict());
                    }
                }
                return 0;
            }
        }
    }

    @Command(
            name = "mac-refresh",
            mixinStandardHelpOptions = true,
            description = {
                "Copy the IEEE MAC registries (oui.csv, mam.csv, oui36.csv, iab.csv) into the data folder and use them.",
                "Update Debian's copy first with `apt-get install --only-upgrade ieee-data` or `update-ieee-data`."
            })
    static final class MacRefresh implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();

        @Option(
                names = "--from",
                paramLabel = "DIR",
                description = "Where the registry files are (default: ${DEFAULT-VALUE})")
        Path from = Intel.DEBIAN_IEEE_DATA;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = Contexts.start(false, data.dataDir)) {
                MacRegistry registry = context.getBean(Intel.class).refreshMacRegistry(CliViewer.get(), from);
                System.out.println("MAC registries refreshed from " + from + ": "
                        + registry.count(MacRegistry.Kind.MA_L)
                        + " MA-L, " + registry.count(MacRegistry.Kind.MA_M) + " MA-M, "
                        + registry.count(MacRegistry.Kind.MA_S) + " MA-S and " + registry.count(MacRegistry.Kind.IAB)
                        + " IAB blocks.");
                return 0;
            }
        }
    }
}
