package io.camaudit.discovery.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class FingerprintsTest {

    private static final String HEADER = String.join(",", Fingerprints.COLUMNS) + "\n";

    @Test
    void theBundledRulesAreValidAndVersioned() {
        Fingerprints rules = Fingerprints.bundled();
        assertThat(rules.version()).matches("\\d{4}\\.\\d{2}\\.\\d{2}\\.\\d+");
        assertThat(rules.rules()).hasSizeGreaterThan(40);
        assertThat(rules.rules()).allMatch(r -> r.source().startsWith("https://"));
        // Generic embedded servers prove nothing alone: no rule names a maker from them.
        assertThat(rules.rules())
                .filteredOn(r -> r.id().startsWith("generic-"))
                .allMatch(r -> r.maker() == null && r.brand() == null && r.confidence() == 0);
    }

    @Test
    void everyProblemIsNamedByLineAndColumn() {
        String csv = HEADER
                + "ok-rule,web,http.server,^App-webs,Hikvision,,,,,,,0.8,App-webs/,https://example.org/a,yes,\n"
                + "ok-rule,web,http.server,^X,Hikvision,,,,,,,0.8,X,https://example.org/a,yes,\n"
                + "bad-probe,ftp,http.server,^X,,,,,,,,0.5,X,https://example.org/a,yes,\n"
                + "bad-pattern,web,http.server,\"^(unclosed\",,,,,,,,0.5,x,https://example.org/a,yes,\n"
                + "no-example,web,http.server,^Y,,,,,,,,0.5,Z,https://example.org/a,yes,\n"
                + "bad-group,web,http.server,^(Y),,,$2,,,,,0.5,Y,https://example.org/a,yes,\n"
                + "bad-confidence,web,http.server,^Y,,,,,,,,2,Y,https://example.org/a,yes,\n"
                + "no-source,web,http.server,^Y,,,,,,,,0.5,Y,,yes,\n"
                + "bad-kind,web,http.server,^Y,,,,,,,toaster,0.5,Y,https://example.org/a,yes,\n";
        assertThatThrownBy(() -> Fingerprints.read(new StringReader(csv), "test", "rules.csv"))
                .isInstanceOf(FingerprintException.class)
                .satisfies(e -> assertThat(((FingerprintException) e).problems())
                        .containsExactly(
                                "rules.csv line 3, column id: \"ok-rule\" is used twice",
                                "rules.csv line 4, column probe: \"ftp\" is not one of " + Fingerprint.PROBES,
                                "rules.csv line 5, column pattern: Unclosed group in \"^(unclosed\"",
                                "rules.csv line 6, column example: the pattern does not match its own example \"Z\"",
                                "rules.csv line 7, column model: $2 names a group the pattern lacks",
                                "rules.csv line 8, column confidence: \"2\" is not a number from 0 to 1",
                                "rules.csv line 9, column source: every rule names the public https:// source it was"
                                        + " written from",
                                "rules.csv line 10, column kind: \"toaster\" is not one of " + Fingerprint.KINDS));
    }

    @Test
    void wrongColumnsAreRefused() {
        assertThatThrownBy(() -> Fingerprints.read(new StringReader("id,probe\nx,web\n"), "t", "rules.csv"))
                .hasMessageContaining("rules.csv line 1: the columns must be");
    }
}
