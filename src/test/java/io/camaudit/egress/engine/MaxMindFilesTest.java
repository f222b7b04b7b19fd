package io.camaudit.egress.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An operator's own MaxMind DB files, named by their type and build date; bad files refused with their name. */
class MaxMindFilesTest {

    @TempDir
    Path work;

    @Test
    void aMaxMindDbFileIsReadAndNamedWithItsTypeAndDate() throws Exception {
        var bundled = MaxMindFilesTest.class.getClassLoader().getResource("geo/country.mmdb");
        assumeTrue(bundled != null, "skipped: the build installed no geolocation data to read as an operator's file");
        Path file = work.resolve("country.mmdb");
        try (var in = bundled.openStream()) {
            Files.copy(in, file);
        }
        try (MaxMindFiles geo = MaxMindFiles.open(file, null)) {
            assertThat(geo.country(Ip.parse("8.8.8.8"))).isEqualTo("US");
            assertThat(geo.asn(Ip.parse("8.8.8.8"))).as("no ASN file was named").isNull();
            assertThat(geo.describe())
                    .matches("the operator's files: country\\.mmdb \\(.+, built \\d{4}-\\d{2}-\\d{2}\\)");
        }
    }

    @Test
    void aMissingOrWrongFileIsRefusedWithItsName() throws Exception {
        assertThatThrownBy(() -> MaxMindFiles.open(work.resolve("absent.mmdb"), null))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("absent.mmdb is not a file");
        Path text = Files.writeString(work.resolve("GeoLite2-Country.mmdb"), "not a database");
        assertThatThrownBy(() -> MaxMindFiles.open(text, null))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("GeoLite2-Country.mmdb is not a MaxMind DB file");
    }
}
