package io.camaudit.intel.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleReaderTest {

    @TempDir
    Path temp;

    private static final IntelBundle BUILT_IN = BundleReader.builtIn();

    private static Map<String, byte[]> builtInFiles() {
        return new HashMap<>(BUILT_IN.files());
    }

    /** The built-in files with one line of one file replaced (or, with an empty old line, appended). */
    private static Map<String, byte[]> altered(String file, String oldLine, String newLine) {
        Map<String, byte[]> files = builtInFiles();
        String text = new String(files.get(file), StandardCharsets.UTF_8);
        String changed;
        if (oldLine.isEmpty()) {
            changed = text + newLine + "\n";
        } else {
            assertThat(text).contains(oldLine);
            changed = text.replace(oldLine, newLine);
        }
        files.put(file, changed.getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private static String problemsOf(Map<String, byte[]> files) {
        try {
            BundleReader.read(files);
        } catch (IntelBundleException e) {
            return String.join("\n", e.problems());
        }
        throw new AssertionError("the bundle was accepted");
    }

    @Test
    void theBuiltInBundleReadsWithEveryEntrySourcedAndCrossReferenced() {
        assertThat(BUILT_IN.version().text()).matches("\\d{4}\\.\\d{1,2}\\.\\d{1,2}\\.\\d+");
        Company hikvision = BUILT_IN.company("hikvision").orElseThrow();
        assertThat(hikvision.legalName()).isEqualTo("Hangzhou Hikvision Digital Technology Co., Ltd.");
        assertThat(hikvision.country()).isEqualTo("CN");
        assertThat(BUILT_IN.ownersOf("hikvision")).anySatisfy(o -> {
            assertThat(o.owner()).isEqualTo("cetc");
            assertThat(o.stateOwned()).isTrue();
            assertThat(o.sharePercent()).isEqualTo(40.46);
        });
        Company ezviz = BUILT_IN.company("ezviz").orElseThrow();
        assertThat(BUILT_IN.ultimateParent(ezviz).id()).isEqualTo("hikvision");
        assertThat(BUILT_IN.entriesCovering(ezviz))
                .extracting(ListingEntry::listing)
                .contains("fcc-covered-list", "ndaa-889", "us-entity-list", "uk-sensitive-sites-2022");
        Company lorex = BUILT_IN.company("lorex").orElseThrow();
        assertThat(BUILT_IN.groupOf(lorex))
                .as("Dahua sold Lorex in 2022: it is no longer in Dahua's group")
                .extracting(Company::id)
                .containsExactly("lorex");
        Company axis = BUILT_IN.company("axis").orElseThrow();
        assertThat(BUILT_IN.entriesCovering(axis)).isEmpty();
        assertThat(BUILT_IN.defaultPolicy().id()).isEqualTo("no-listed-supplier");
        assertThat(BUILT_IN.policies())
                .extracting(Policy::id)
                .contains("uk-sensitive-sites-2022", "us-ndaa-889", "no-listed-supplier");
        for (ProductLine line : BUILT_IN.productLines()) {
            assertThat(line.pattern().matcher(line.example()).lookingAt())
                    .as(line.example())
                    .isTrue();
        }
        assertThat(BUILT_IN.sources(
                        BUILT_IN.listing("fcc-covered-list").orElseThrow().sources()))
                .isNotEmpty()
                .allSatisfy(source -> assertThat(source.url()).startsWith("http"));
    }

    @Test
    void aBundleFromAFolderOrAZipIsTheSameBundle() throws IOException {
        Path folder = Files.createDirectory(temp.resolve("bundle"));
        Path zip = temp.resolve("bundle.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, byte[]> file : BUILT_IN.files().entrySet()) {
                Files.write(folder.resolve(file.getKey()), file.getValue());
                out.putNextEntry(new ZipEntry("intel/" + file.getKey()));
                out.write(file.getValue());
                out.closeEntry();
            }
        }
        assertThat(BundleReader.fromPath(folder).version()).isEqualTo(BUILT_IN.version());
        assertThat(BundleReader.fromPath(zip).brands()).isEqualTo(BUILT_IN.brands());
    }

    /** The line a row appended to the built-in file lands on. */
    private static long nextLine(String file) {
        return new String(BUILT_IN.files().get(file), StandardCharsets.UTF_8)
                        .lines()
                        .count()
                + 1;
    }

    private static long lineOf(String file, String text) {
        List<String> lines = new String(BUILT_IN.files().get(file), StandardCharsets.UTF_8)
                .lines()
                .toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in " + file);
    }

    @Test
    void everyProblemIsNamedWithItsFileLineAndColumn() {
        long line = nextLine("brands.csv");
        assertThat(problemsOf(altered("brands.csv", "", "Acme,,own,acme,acme,,,0.9,x,nowhere,2026-11-22")))
                .contains("brands.csv line " + line + ", company: no \"acme\" is defined")
                .contains("brands.csv line " + line + ", maker: no \"acme\" is defined")
                .contains("brands.csv line " + line + ", sources: no source \"nowhere\" in sources.csv");
        assertThat(problemsOf(
                        altered("brands.csv", "", "Hik-vision,,own,hikvision,hikvision,,,0.9,x,ieee-ma-l,2026-11-22")))
                .contains("\"Hik-vision\" already names the brand Hikvision");
        assertThat(problemsOf(altered("product_lines.csv", "DS-2CD2143G0-I", "XS-2CD2143G0-I")))
                .contains(
                        "product_lines.csv line 2, example: \"XS-2CD2143G0-I\" does not match the line's own pattern");
        assertThat(problemsOf(altered("product_lines.csv", "DS-2CD\\d", "DS-2CD(\\d")))
                .contains("product_lines.csv line 2, pattern: is not a regular expression");
        assertThat(problemsOf(altered(
                        "policy_rules.csv",
                        "listed:ndaa-889,INELIGIBLE,\"Covered",
                        "listed:ndaa-890,INELIGIBLE,\"Covered")))
                .contains("policy_rules.csv line " + lineOf("policy_rules.csv", "listed:ndaa-889,INELIGIBLE,\"Covered")
                        + ", when: no listing \"ndaa-890\" in listings.csv");
        assertThat(problemsOf(altered("policy_rules.csv", "us-ndaa-889,2,unresolved", "us-ndaa-889,2,unknown-maker")))
                .contains("\"unknown-maker\" is not a condition");
        assertThat(problemsOf(
                        altered("companies.csv", "hikvision,Hikvision,\"Hangzhou", "hikvision,Hikvision,\"Hangzhou")
                                .entrySet()
                                .stream()
                                .filter(e -> !e.getKey().equals("findings.csv"))
                                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))))
                .isEqualTo("findings.csv: missing");
        assertThat(problemsOf(altered("sources.csv", "ssta-2019,", "ssta-2019,\"unclosed")))
                .contains("sources.csv");
        assertThat(problemsOf(altered("policies.csv", ",90,no,npsa-wms-2022", ",90,yes,npsa-wms-2022")))
                .contains("exactly one policy must be the default, not 2");
        Map<String, byte[]> latin1 = builtInFiles();
        latin1.put("findings.csv", "id,date,title\n\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(problemsOf(latin1)).contains("findings.csv: not UTF-8 text");
    }

    @Test
    void aHostileZipIsRefusedBeforeItInflates() throws IOException {
        Path bomb = temp.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
            out.putNextEntry(new ZipEntry("brands.csv"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 16; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        assertThat(Files.size(bomb)).isLessThan(100_000);
        assertThatThrownBy(() -> BundleReader.fromPath(bomb))
                .isInstanceOf(IntelBundleException.class)
                .hasMessageContaining("brands.csv inflates to more than 4 MB");

        Path many = temp.resolve("many.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(many))) {
            for (int i = 0; i < 100; i++) {
                out.putNextEntry(new ZipEntry("junk" + i));
                out.closeEntry();
            }
        }
        assertThatThrownBy(() -> BundleReader.fromPath(many)).hasMessageContaining("more than 64 entries");

        Path notZip = temp.resolve("not.zip");
        Files.writeString(notZip, "hello");
        assertThatThrownBy(() -> BundleReader.fromPath(notZip))
                .isInstanceOf(IntelBundleException.class)
                .hasMessageContaining("missing");
    }

    @Test
    void versionsCompareNumberByNumber() {
        assertThat(new BundleVersion("2026.11.22.10").isNewerThan(new BundleVersion("2026.11.22.9")))
                .isTrue();
        assertThat(new BundleVersion("2026.12.1.1").isNewerThan(new BundleVersion("2026.11.30.1")))
                .isTrue();
        assertThatThrownBy(() -> new BundleVersion("v2")).hasMessageContaining("not a bundle version");
    }
}
