package io.camaudit.discovery.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.camaudit.discovery.testbed.Devices;
import io.camaudit.discovery.testbed.TestBed;
import io.camaudit.intel.engine.BundleReader;
import io.camaudit.intel.engine.MacRegistry;
import io.camaudit.intel.engine.Resolver;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Surveys a /24 of loopback addresses holding emulated devices of every kind, with two devices
 * just outside the scope (one in the next /24, one excluded by name) that must never be touched.
 */
class SurveyTest {

    private static TestBed bed;
    private static final Map<String, HostReport> REPORTS = new ConcurrentHashMap<>();
    private static Survey.Outcome outcome;

    @BeforeAll
    static void survey() throws Exception {
        assumeTrue(TestBed.canBindLowPorts(), TestBed.WHY_SKIPPED);
        bed = new TestBed();
        bed.add("127.77.0.10", Devices.hikvisionCamera());
        bed.add("127.77.0.11", Devices.dahuaRecorder());
        bed.add("127.77.0.12", Devices.hilookCamera());
        bed.add("127.77.0.13", Devices.amcrestCamera());
        bed.add("127.77.0.14", Devices.axisCamera());
        bed.add("127.77.0.15", Devices.hanwhaCamera());
        bed.add("127.77.0.16", Devices.onvifOnlyCamera());
        bed.add("127.77.0.17", Devices.printer());
        bed.add("127.77.0.18", Devices.plainWebServer());
        bed.add("127.77.0.19", Devices.bareEmbeddedServer());
        // Outside the scope: the next block, and an address the survey is told to leave out.
        bed.add("127.77.1.10", Devices.hikvisionCamera());
        bed.add("127.77.0.200", Devices.dahuaRecorder());

        Scope scope = Scope.parse(List.of("127.77.0.0/24"), List.of("127.77.0.200"));
        SurveySettings settings = SurveySettings.polite()
                .withRate(5_000)
                .withConcurrency(64)
                .withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofMillis(300));
        Survey survey = new Survey(new ScopedNetwork(scope, settings), identifier(), "camaudit-test");
        outcome = survey.run(report -> REPORTS.put(report.address().getHostAddress(), report));
    }

    static Identifier identifier() throws IOException {
        Resolver resolver =
                new Resolver(BundleReader.builtIn(), List.of(), MacRegistry.load(Path.of("src/test/resources/ieee")));
        return new Identifier(Fingerprints.bundled(), resolver);
    }

    @AfterAll
    static void stop() {
        if (bed != null) {
            bed.close();
        }
    }

    private static Identification at(String address) {
        assertThat(REPORTS).containsKey(address);
        return REPORTS.get(address).identification();
    }

    @Test
    void nothingOutsideTheScopeIsTouched() {
        assertThat(bed.contacts().to("127.77.1.10")).isEmpty();
        assertThat(bed.contacts().to("127.77.0.200")).isEmpty();
        assertThat(bed.contacts().all()).allMatch(c -> c.deviceAddress().startsWith("127.77.0."));
        assertThat(outcome.addresses()).isEqualTo(255);
        assertThat(outcome.surveyed()).isEqualTo(255);
        assertThat(REPORTS).hasSize(10);
    }

    @Test
    void aHikvisionCameraIsNamedWithModelFirmwareSerialAndMac() {
        Identification hik = at("127.77.0.10");
        assertThat(hik.maker()).isEqualTo("Hikvision");
        assertThat(hik.model()).isEqualTo("DS-2CD2143G0-I");
        assertThat(hik.firmware()).isEqualTo("V5.5.0build 170725");
        assertThat(hik.serial()).isEqualTo("DS-2CD2143G0-I20190101AAWRC12345678");
        assertThat(hik.mac()).isEqualTo("44:19:b6:12:34:56");
        assertThat(hik.kind()).isEqualTo("camera");
        assertThat(hik.claims())
                .extracting(Claim::ruleId)
                .contains("hik-sadp", "hik-server-app-webs", "hik-login-page");
        // Over TLS the survey reads the certificate it is shown, and the page behind it.
        assertThat(REPORTS.get("127.77.0.10").observations())
                .anyMatch(o -> o.toString().startsWith("https/443 tls.subject = CN=IP Camera,OU=Camera,O=Hikvision"))
                .anyMatch(o -> o.toString().equals("https/443 http.server = App-webs/"));
        // No credentials were given, so ONVIF's device information stayed closed, and the report says so.
        assertThat(REPORTS.get("127.77.0.10").observations())
                .anyMatch(o -> o.field().equals("onvif.auth") && o.value().contains("needs credentials"));
    }

    @Test
    void aDahuaRecorderIsNamedFromItsOwnDiscoveryProtocol() {
        Identification dahua = at("127.77.0.11");
        assertThat(dahua.maker()).isEqualTo("Dahua");
        assertThat(dahua.model()).isEqualTo("DHI-NVR4208-8P-4KS2");
        assertThat(dahua.kind()).isEqualTo("recorder");
        assertThat(dahua.serial()).isEqualTo("5J0123456789ABC");
    }

    @Test
    void relabelledDevicesAreSoldAsOneNameAndMadeByAnother() {
        Identification hilook = at("127.77.0.12");
        assertThat(hilook.maker()).isEqualTo("Hikvision");
        assertThat(hilook.soldAs()).isEqualTo("HiLook");
        assertThat(hilook.resolution().path()).contains("HiLook").contains("made by Hikvision");

        Identification amcrest = at("127.77.0.13");
        assertThat(amcrest.maker()).isEqualTo("Dahua");
        assertThat(amcrest.resolution().path()).isEqualTo("Sold as Amcrest, made by Dahua (relabelled)");
        assertThat(amcrest.model()).isEqualTo("IP2M-841B");
    }

    @Test
    void otherMakersAreNamedToo() {
        assertThat(at("127.77.0.14").maker()).isEqualTo("Axis Communications");
        assertThat(at("127.77.0.14").mac()).isEqualTo("b8:a4:4f:12:34:56");
        assertThat(at("127.77.0.15").maker()).isEqualTo("Hanwha Vision");
        assertThat(at("127.77.0.15").model()).isEqualTo("XNV-6080R");
    }

    @Test
    void anUnbrandedOnvifCameraIsAVideoDeviceOfUnknownMaker() {
        Identification onvif = at("127.77.0.16");
        assertThat(onvif.isVideoDevice()).isTrue();
        assertThat(onvif.maker()).isNull();
        assertThat(onvif.model()).isEqualTo("C6F0SgZ3N0PfL2");
    }

    @Test
    void printersAndWebServersAreNotCameras() {
        assertThat(at("127.77.0.17").kind()).isEqualTo("printer");
        assertThat(at("127.77.0.17").isVideoDevice()).isFalse();
        assertThat(at("127.77.0.18").isVideoDevice()).isFalse();
        assertThat(at("127.77.0.18").maker()).isNull();
        Identification goahead = at("127.77.0.19");
        assertThat(goahead.maker()).isNull();
        assertThat(goahead.claims())
                .anyMatch(c ->
                        c.ruleId().equals("generic-goahead") && c.attribute().equals("note"));
    }

    @Test
    void givenCredentialsOpenOnvifsDeviceInformationAndWrongOnesDoNot() throws Exception {
        SurveySettings base = SurveySettings.polite()
                .withRate(5_000)
                .withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofMillis(300));
        Map<String, HostReport> right = new ConcurrentHashMap<>();
        new Survey(
                        new ScopedNetwork(
                                Scope.of("127.77.0.10"),
                                base.withCredentials(new OnvifCredentials("survey", "s3cret-Pa55"))),
                        identifier(),
                        "camaudit-test")
                .run(report -> right.put(report.address().getHostAddress(), report));
        assertThat(right.get("127.77.0.10").observations())
                .anySatisfy(o -> assertThat(o.toString()).isEqualTo("onvif/80 onvif.manufacturer = HIKVISION"))
                .anyMatch(o -> o.field().equals("onvif.auth") && o.value().equals("read with the credentials given"))
                .anyMatch(o -> o.field().equals("onvif.capability") && o.value().equals("PTZ"));

        Map<String, HostReport> wrong = new ConcurrentHashMap<>();
        new Survey(
                        new ScopedNetwork(
                                Scope.of("127.77.0.10"),
                                base.withCredentials(new OnvifCredentials("survey", "not-the-password"))),
                        identifier(),
                        "camaudit-test")
                .run(report -> wrong.put(report.address().getHostAddress(), report));
        assertThat(wrong.get("127.77.0.10").observations())
                .noneMatch(o -> o.field().equals("onvif.manufacturer"))
                .anyMatch(o -> o.field().equals("onvif.auth") && o.value().contains("needs credentials"));
        // The password is never part of what a survey reports.
        assertThat(new OnvifCredentials("survey", "s3cret-Pa55").toString()).doesNotContain("s3cret");
        assertThat(right.get("127.77.0.10").toString()).doesNotContain("s3cret");
    }
}
