package io.camaudit.cli;

import io.camaudit.register.Organisation;
import io.camaudit.register.OrganisationDraft;
import io.camaudit.register.Region;
import io.camaudit.register.Register;
import io.camaudit.register.Sector;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Adds and lists organisations from the command line. */
@Command(
        name = "organisation",
        mixinStandardHelpOptions = true,
        description = "Add and list the public bodies in the register.",
        subcommands = {OrganisationCommand.Add.class, OrganisationCommand.ListOrganisations.class})
final class OrganisationCommand implements Runnable {

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(
                new picocli.CommandLine(this), "Name an organisation command: add or list");
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add an organisation; prints its id.")
    static final class Add implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();

        @Parameters(paramLabel = "NAME", description = "The body's official name")
        String name;

        @Option(names = "--sector", required = true, description = "One of: ${COMPLETION-CANDIDATES}")
        Sector sector;

        @Option(names = "--region", required = true, description = "One of: ${COMPLETION-CANDIDATES}")
        Region region;

        @Option(names = "--code", description = "An official code (ONS, ODS, school URN…)")
        String code;

        @Option(
                names = "--contact-email",
                description = "Where the body takes information requests: campaigns and review reminders go there")
        String contactEmail;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = Contexts.start(false, data.dataDir)) {
                Organisation created = context.getBean(Register.class)
                        .createOrganisation(
                                CliViewer.get(), new OrganisationDraft(name, sector, region, code, contactEmail));
                System.out.println(created.id());
                return 0;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List organisations: id, sector, name.")
    static final class ListOrganisations implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = Contexts.start(false, data.dataDir)) {
                for (Organisation o : context.getBean(Register.class).organisations(CliViewer.get())) {
                    System.out.printf("%d\t%s\t%s%n", o.id(), o.sector(), o.name());
                }
                return 0;
            }
        }
    }
}
