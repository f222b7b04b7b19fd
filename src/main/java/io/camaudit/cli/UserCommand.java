package io.camaudit.cli;

import io.camaudit.account.Account;
import io.camaudit.account.Accounts;
import io.camaudit.account.NewSecret;
import io.camaudit.register.Register;
import io.camaudit.shared.Role;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Manages accounts from the command line. */
@Command(
        name = "user",
        mixinStandardHelpOptions = true,
        description = "Add and list accounts, reset passwords, make API tokens.",
        subcommands = {
            UserCommand.Add.class,
            UserCommand.ListUsers.class,
            UserCommand.ResetPassword.class,
            UserCommand.Token.class
        })
final class UserCommand implements Runnable {

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(
                new picocli.CommandLine(this), "Name a user command: add, list, reset-password or token");
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Add an account; its random password is printed once.")
    static final class Add implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();

        @Parameters(paramLabel = "USERNAME")
        String username;

        @Option(names = "--role", required = true, description = "ADMINISTRATOR, OFFICER or AUDITOR")
        Role role;

        @Option(
                names = {"-o", "--organisation"},
                paramLabel = "NAME|ID",
                description = "An officer's organisation")
        String organisation;

        @Option(names = "--name", paramLabel = "DISPLAY NAME", description = "The person's name")
        String displayName;

        @Override
        public Integer call() {
            if (role == Role.SUPPLIER) {
                System.err.println("A supplier account is given from its supplier's page under Due diligence, which"
                        + " ties it to the supplier it speaks for.");
                return 2;
            }
            try (ConfigurableApplicationContext context = Contexts.start(false, data.dataDir)) {
                Long org = organisation == null
                        ? null
                        : ImportCommand.resolve(context.getBean(Register.class), CliViewer.get(), organisation)
                                .id();
                NewSecret secret = context.getBean(Accounts.class)
                        .create(CliViewer.get(), username, displayName == null ? username : displayName, role, org);
                System.out.println("Added " + username + ". Password (shown once; to be changed at the first sign-in): "
                        + secret.secret());
                return 0;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List accounts.")
    static final class ListUsers implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = Contexts.start(false, data.dataDir)) {
                for (Account account : context.getBean(Accounts.class).all(CliViewer.get())) {
                    System.out.printf(
                            "%-24s %-14s %-8s %s%n",
                            account.username(),
                            account.role(),
                            account.enabled() ? "enabled" : "disabled",
                            account.organisationId() == null ? "" : "organisation " + account.organisationId());
                }
                return 0;
            }
        }
    }

    @Command(
            name = "reset-password",
            mixinStandardHelpOptions = true,
            description = "Give an account a new random password, printed once.")
    static final class ResetPassword implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();

        @Parameters(paramLabel = "USERNAME")
        String username;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = Contexts.start(false, data.dataDir)) {
                Accounts accounts = context.getBean(Accounts.class);
                long id = accounts.credentials(username)
                        .orElseThrow(() -> new IllegalArgumentException("no account named " + username))
                        .account()
                        .id();
                System.out.println("New password for " + username + " (shown once; to be changed at the next sign-in): "
                        + accounts.resetPassword(CliViewer.get(), id).secret());
                return 0;
            }
        }
    }

    @Command(
            name = "token",
            mixinStandardHelpOptions = true,
            description =
                    "Make an API token for an account, printed once; scripts send it as 'Authorization: Bearer TOKEN'.")
    static final class Token implements Callable<Integer> {
        @Mixin
        DataDirOption data = new DataDirOption();

        @Parameters(paramLabel = "USERNAME")
        String username;

        @Option(names = "--name", required = true, description = "What the token is for")
        String name;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = Contexts.start(false, data.dataDir)) {
                Accounts accounts = context.getBean(Accounts.class);
                Account account = accounts.credentials(username)
                        .orElseThrow(() -> new IllegalArgumentException("no account named " + username))
                        .account();
                NewSecret token = accounts.createToken(account.viewer(), name, null);
                System.out.println("API token for " + username + " (shown once): " + token.secret());
                return 0;
            }
        }
    }
}
