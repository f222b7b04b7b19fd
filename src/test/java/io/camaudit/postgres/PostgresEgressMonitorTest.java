package io.camaudit.postgres;

import io.camaudit.egress.EgressMonitorIntegrationTest;
import io.camaudit.support.Postgres;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Egress alerts kept, looked up by their keys many at a time, counted up and decided on PostgreSQL too. */
@EnabledIfEnvironmentVariable(
        named = Postgres.URL_VARIABLE,
        matches = ".+",
        disabledReason =
                "PostgreSQL tests skipped: set " + Postgres.URL_VARIABLE + " to a server's JDBC URL (.ci/run does)")
class PostgresEgressMonitorTest extends EgressMonitorIntegrationTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        Postgres.register(registry);
    }
}
