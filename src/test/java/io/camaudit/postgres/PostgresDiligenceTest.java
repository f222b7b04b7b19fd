package io.camaudit.postgres;

import io.camaudit.diligence.DiligenceIntegrationTest;
import io.camaudit.support.Postgres;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Due diligence end to end on PostgreSQL: its tables, the outbox's claims, links used once, evidence bytes. */
@EnabledIfEnvironmentVariable(
        named = Postgres.URL_VARIABLE,
        matches = ".+",
        disabledReason =
                "PostgreSQL tests skipped: set " + Postgres.URL_VARIABLE + " to a server's JDBC URL (.ci/run does)")
class PostgresDiligenceTest extends DiligenceIntegrationTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        Postgres.register(registry);
    }
}
