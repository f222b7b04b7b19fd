package io.camaudit.intel.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MacRegistryTest {

    @TempDir
    Path temp;

    @Test
    void theLongestBlockThatHoldsTheAddressWins() throws IOException {
        MacRegistry registry = MacRegistry.load(Path.of("src/test/resources/ieee"));
        assertThat(registry.lookUp("44:19:b6:12:34:56")).hasValueSatisfying(r -> {
            assertThat(r.registry()).isEqualTo(MacRegistry.Kind.MA_L);
            assertThat(r.organisation()).isEqualTo("Hangzhou Hikvision Digital Technology Co.,Ltd.");
        });
        assertThat(registry.lookUp("70:b3:d5:f2:f0:01"))
                .as("an MA-S block inside the IEEE's own MA-L block")
                .hasValueSatisfying(r -> {
                    assertThat(r.registry()).isEqualTo(MacRegistry.Kind.MA_S);
                    assertThat(r.organisation()).isEqualTo("TELEPLATFORMS");
                });
        assertThat(registry.lookUp("70:b3:d5:00:00:01").orElseThrow().organisation())
                .isEqualTo("IEEE Registration Authority");
        assertThat(registry.lookUp("40:2c:76:10:20:30").orElseThrow().registry())
                .isEqualTo(MacRegistry.Kind.MA_M);
        assertThat(registry.lookUp("f8:f8:f8:01:02:03")).isEmpty();
        assertThat(registry.lastUpdate()).hasValue("1661630937");
    }

    @Test
    void aFileThatIsNotARegistryIsRefusedNamingIt() throws IOException {
        Files.writeString(temp.resolve("oui.csv"), "Registry,Assignment,Organization Name\nMA-L,XYZ,Someone\n");
        assertThatThrownBy(() -> MacRegistry.load(temp))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("oui.csv line 2: \"XYZ\" is not a 6-digit assignment");
        Files.writeString(temp.resolve("oui.csv"), "a,b\n1,2\n");
        assertThatThrownBy(() -> MacRegistry.load(temp)).hasMessageContaining("not an IEEE registry file");
        Files.delete(temp.resolve("oui.csv"));
        assertThatThrownBy(() -> MacRegistry.load(temp)).hasMessageContaining("install Debian's ieee-data package");
    }

    /** The whole registry as Debian installs it, where the ieee-data package is present (as in CI). */
    @Test
    void debiansRegistriesLoadWhole() throws IOException {
        Path debian = Path.of("/usr/share/ieee-data");
        assumeTrue(Files.isRegularFile(debian.resolve("oui.csv")), "Debian's ieee-data is not installed; skipped");
        MacRegistry registry = MacRegistry.load(debian);
        assertThat(registry.count(MacRegistry.Kind.MA_L)).isGreaterThan(30_000);
        assertThat(registry.count(MacRegistry.Kind.MA_M)).isGreaterThan(3_000);
        assertThat(registry.count(MacRegistry.Kind.MA_S)).isGreaterThan(3_000);
        assertThat(registry.lookUp("44:19:b6:00:00:01").orElseThrow().organisation())
                .contains("Hikvision");
        assertThat(registry.lookUp("3c:ef:8c:00:00:01").orElseThrow().organisation())
                .contains("Dahua");
    }
}
