package io.camaudit.postgres;

import io.camaudit.returns.ImportIntegrationTest;
import io.camaudit.support.Postgres;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The import lifecycle (preview, commit, idempotent re-import, undo, rejection) on PostgreSQL. */
@EnabledIfEnvironmentVariable(
        named = Postgres.URL_VARIABLE,
        matches = ".+",
        disabledReason =
                "PostgreSQL tests skipped: set " + Postgres.URL_VARIABLE + " to a server's JDBC URL (.ci/run does)")
class PostgresImportIntegrationTest extends ImportIntegrationTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        Postgres.register(registry);
    }
}
