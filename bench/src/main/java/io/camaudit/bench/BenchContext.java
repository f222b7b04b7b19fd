package io.camaudit.bench;

import io.camaudit.CamauditApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The application without its web server (settings as arguments, which outrank application.properties), on an H2 file database or a PostgreSQL one. */
final class BenchContext {

    private BenchContext() {}

    static ConfigurableApplicationContext start(Path dataDir, @Nullable String postgresUrl) {
        List<String> properties = new ArrayList<>(List.of(
                "--camaudit.data-dir=" + dataDir.toAbsolutePath(),
                "--camaudit.bootstrap-admin=false",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN"));
        if (postgresUrl != null) {
            properties.add("--spring.datasource.url=" + postgresUrl);
            properties.add("--spring.datasource.username=");
            properties.add("--spring.datasource.password=");
        }
        return new SpringApplicationBuilder(CamauditApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run(properties.toArray(String[]::new));
    }

    /**
     * A directory for one run's files (its database, its generated inputs), deleted when the run
     * ends: a benchmark's embedded database grows to gigabytes, and runs left behind filled the disk.
     */
    static Path workDirectory(String prefix) throws java.io.IOException {
        Path dir = java.nio.file.Files.createTempDirectory(prefix);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir), "delete " + dir.getFileName()));
        return dir;
    }

    private static void delete(Path dir) {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    /** A fresh database on the PostgreSQL server named by the URL, for one run. */
    static String freshPostgresDatabase(String adminUrl, String name) throws java.sql.SQLException {
        try (var connection = java.sql.DriverManager.getConnection(adminUrl);
                var statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name);
            statement.execute("create database " + name);
        }
        return adminUrl.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
    }
}
