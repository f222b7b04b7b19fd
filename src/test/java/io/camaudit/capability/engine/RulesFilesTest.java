package io.camaudit.capability.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped indicator and vulnerability files pass their checks, and broken ones are refused line by line. */
class RulesFilesTest {

    private static final String INDICATOR_HEADER =
            "id,probe,document,locator,value,feature,claim,detail,example,source,verified,note\n";
    private static final String VULNERABILITY_HEADER =
            "id,cve,maker,models,from,to,built_before,basis,kev_added,title,example,source,note\n";

    @Test
    void theShippedIndicatorsCoverEveryFeatureAndEveryProbe() {
        Indicators indicators = Indicators.bundled();
        assertThat(indicators.version()).matches("\\d{4}\\.\\d{2}\\.\\d{2}\\.\\d+");
        Set<Feature> covered =
                indicators.rules().stream().map(Indicator::feature).collect(Collectors.toSet());
        assertThat(covered).containsExactlyInAnyOrder(Feature.values());
        assertThat(indicators.rules().stream().map(Indicator::probe).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(Indicators.PROBES);
        assertThat(indicators.documents("tcp")).contains("23", "22", "8000", "37777");
        assertThat(indicators.rules())
                .allSatisfy(rule -> assertThat(rule.source()).startsWith("https://"));
    }

    @Test
    void theShippedVulnerabilitiesNameTheFourTheIssueNames() {
        Vulnerabilities vulnerabilities = Vulnerabilities.bundled();
        assertThat(vulnerabilities.entries().stream().map(Vulnerability::cve).collect(Collectors.toSet()))
                .contains("CVE-2017-7921", "CVE-2021-36260", "CVE-2021-33044", "CVE-2021-33045");
        assertThat(vulnerabilities.entries())
                .allSatisfy(v -> assertThat(v.kevAdded()).isNotNull());
    }

    @Test
    void aBrokenIndicatorFileIsRefusedWithEveryProblemByLineAndColumn() {
        String csv = INDICATOR_HEADER
                + "ok-rule,isapi,/ISAPI/Smart/capabilities,SmartCap/isSupportFaceDetect,true,FACE_DETECTION,PRESENT,"
                + "face,SmartCap/isSupportFaceDetect=true,https://example.org/spec,yes,\n"
                + "ok-rule,isapi,/ISAPI/Smart/capabilities,SmartCap/isSupportFaceDetect,true,FACE_DETECTION,PRESENT,"
                + "face,SmartCap/isSupportFaceDetect=true,https://example.org/spec,yes,\n"
                + "bad-probe,ftp,/x,a/b,,AUDIO,PRESENT,x,a/b,https://example.org,no,\n"
                + "bad-feature,isapi,/x,a/b,,SMELL,PRESENT,x,a/b,https://example.org,no,\n"
                + "bad-example,isapi,/x,a/b,true,AUDIO,ENABLED,x,a/b=false,https://example.org,no,\n"
                + "bad-source,onvif,media:GetProfiles,Profiles,,AUDIO,PRESENT,x,Profiles,http://example.org,maybe,\n"
                + "bad-pattern,tcp,99999,port,([,TELNET,ENABLED,x,port=open,https://example.org,no,\n";
        assertThatThrownBy(() -> Indicators.read(new StringReader(csv), "1", "indicators.csv"))
                .isInstanceOfSatisfying(
                        RulesException.class,
                        e -> assertThat(e.problems())
                                .anyMatch(p ->
                                        p.startsWith("indicators.csv line 3, column id: \"ok-rule\" is used twice"))
                                .anyMatch(p -> p.startsWith("indicators.csv line 4, column probe"))
                                .anyMatch(p -> p.startsWith("indicators.csv line 5, column feature"))
                                .anyMatch(p -> p.startsWith("indicators.csv line 6, column example"))
                                .anyMatch(p -> p.startsWith("indicators.csv line 7, column source"))
                                .anyMatch(p -> p.startsWith("indicators.csv line 7, column verified"))
                                .anyMatch(p -> p.startsWith("indicators.csv line 8, column document"))
                                .anyMatch(p -> p.startsWith("indicators.csv line 8, column value")));
    }

    @Test
    void aBrokenVulnerabilityFileIsRefusedWithEveryProblemByLineAndColumn() {
        String csv = VULNERABILITY_HEADER
                + "half-range,CVE-2020-0001,hikvision,DS-.*,V5.0.0 build 200101,,,published,,t,DS-1,https://x.org,\n"
                + "no-bound,CVE-2020-0002,hikvision,DS-.*,,,,published,,t,DS-1,https://x.org,\n"
                + "bad-date,CVE-2020-0003,hikvision,DS-.*,,,2020-13-45,published,,t,DS-1,https://x.org,\n"
                + "bad-cve,CVE-20-1,hikvision,DS-.*,,,,model_only,,t,XX-1,https://x.org,\n";
        assertThatThrownBy(() -> Vulnerabilities.read(new StringReader(csv), "1", "vulnerabilities.csv"))
                .isInstanceOfSatisfying(
                        RulesException.class,
                        e -> assertThat(e.problems())
                                .anyMatch(p -> p.startsWith("vulnerabilities.csv line 2, columns from and to"))
                                .anyMatch(p -> p.startsWith("vulnerabilities.csv line 3, column basis"))
                                .anyMatch(p -> p.startsWith("vulnerabilities.csv line 4, column built_before"))
                                .anyMatch(p -> p.startsWith("vulnerabilities.csv line 5, column cve"))
                                .anyMatch(p -> p.startsWith("vulnerabilities.csv line 5, column example")));
    }

    @Test
    void aFileWithOtherColumnsIsRefused() {
        assertThatThrownBy(() -> Indicators.read(new StringReader("id,probe\nx,isapi\n"), "1", "indicators.csv"))
                .isInstanceOf(RulesException.class)
                .hasMessageContaining("indicators.csv line 1: the columns must be");
    }
}
