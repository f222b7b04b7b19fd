package io.camaudit.postgres;

import io.camaudit.support.Postgres;
import io.camaudit.web.TenantIsolationTest;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every page and API route keeps bodies apart on PostgreSQL too. */
@EnabledIfEnvironmentVariable(
        named = Postgres.URL_VARIABLE,
        matches = ".+",
        disabledReason =
                "PostgreSQL tests skipped: set " + Postgres.URL_VARIABLE + " to a server's JDBC URL (.ci/run does)")
class PostgresTenantIsolationTest extends TenantIsolationTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        Postgres.register(registry);
    }
}
