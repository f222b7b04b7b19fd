package io.camaudit.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The PostgreSQL server the data-layer tests run against, named by CAMAUDIT_TEST_POSTGRES_URL
 * (for example jdbc:postgresql://127.0.0.1:54329/postgres?user=postgres, as .ci/run starts one).
 * Each test class gets a fresh database on it, so runs never see each other's data.
 */
public final class Postgres {

    public static final String URL_VARIABLE = "CAMAUDIT_TEST_POSTGRES_URL";

    private Postgres() {}

    public static void register(DynamicPropertyRegistry registry) {
        String adminUrl = System.getenv(URL_VARIABLE);
        String database =
                "camaudit_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(adminUrl);
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + URL_VARIABLE, e);
        }
        String url = adminUrl.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "");
        registry.add("spring.datasource.password", () -> "");
    }
}
