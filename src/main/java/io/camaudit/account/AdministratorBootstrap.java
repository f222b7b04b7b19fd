package io.camaudit.account;

import java.io.PrintStream;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * On the first start of an empty service, makes the account "admin" with a random password and
 * prints it once to the console (not to the log, which may be shipped elsewhere). There is never a
 * default password.
 */
@Component
@ConditionalOnProperty(name = "camaudit.bootstrap-admin", havingValue = "true", matchIfMissing = true)
class AdministratorBootstrap implements ApplicationRunner {

    static final String USERNAME = "admin";

    private final Accounts accounts;
    private final PrintStream console;

    AdministratorBootstrap(Accounts accounts) {
        this.accounts = accounts;
        this.console = System.out;
    }

    @Override
    public void run(ApplicationArguments args) {
        accounts.bootstrapAdministrator(USERNAME).ifPresent(secret -> {
            console.println();
            console.println("==============================================================================");
            console.println(" camaudit: first start. Sign in as '" + USERNAME + "' with this password,");
            console.println(" shown only this once:  " + secret.secret());
            console.println(" The service asks you to choose a new one when you first sign in.");
            console.println("==============================================================================");
            console.println();
        });
    }
}
