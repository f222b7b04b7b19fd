package io.camaudit.intel;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Loads the intel when the service starts, storing the built-in bundle if it is newer than any stored. */
@Component
class IntelStartup implements ApplicationRunner {

    private final Intel intel;

    IntelStartup(Intel intel) {
        this.intel = intel;
    }

    @Override
    public void run(ApplicationArguments args) {
        intel.initialise();
    }
}
