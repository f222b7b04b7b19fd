package io.camaudit.postgres;

import io.camaudit.register.DeviceSearchTest;
import io.camaudit.support.Postgres;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Filters and keyset paging on PostgreSQL. */
@EnabledIfEnvironmentVariable(
        named = Postgres.URL_VARIABLE,
        matches = ".+",
        disabledReason =
                "PostgreSQL tests skipped: set " + Postgres.URL_VARIABLE + " to a server's JDBC URL (.ci/run does)")
class PostgresDeviceSearchTest extends DeviceSearchTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        Postgres.register(registry);
    }
}
