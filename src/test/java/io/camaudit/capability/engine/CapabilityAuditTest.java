package io.camaudit.capability.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.camaudit.capability.engine.FeatureState.Standing;
import io.camaudit.discovery.engine.Fingerprints;
import io.camaudit.discovery.engine.Identifier;
import io.camaudit.discovery.engine.Scope;
import io.camaudit.discovery.engine.ScopedNetwork;
import io.camaudit.discovery.engine.SurveySettings;
import io.camaudit.discovery.testbed.AuditedDevices;
import io.camaudit.discovery.testbed.Contacts;
import io.camaudit.discovery.testbed.Devices;
import io.camaudit.discovery.testbed.TestBed;
import io.camaudit.intel.engine.BundleReader;
import io.camaudit.intel.engine.MacRegistry;
import io.camaudit.intel.engine.Resolver;
import java.net.Inet4Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Audits emulated devices on loopback: a Hikvision camera and a Dahua camera read with the
 * body's read-only account, an open ONVIF camera, a Hikvision camera whose documents are
 * contradictory, malformed and hostile, one whose account differs from the one given, an Axis
 * camera and a printer; and, outside the scope, a device that must never be touched.
 */
class CapabilityAuditTest {

    private static final String HIK = "127.81.0.10";
    private static final String DAHUA = "127.81.0.11";
    private static final String ONVIF = "127.81.0.12";
    private static final String HOSTILE = "127.81.0.13";
    private static final String REFUSED = "127.81.0.14";
    private static final String AXIS = "127.81.0.15";
    private static final String PRINTER = "127.81.0.16";
    private static final String OUTSIDE = "127.81.1.10";

    private static TestBed bed;
    private static Map<String, DeviceAudit> audited;
    private static Map<String, DeviceAudit> withoutCredentials;

    @BeforeAll
    static void audit() throws Exception {
        assumeTrue(TestBed.canBindLowPorts(), TestBed.WHY_SKIPPED);
        bed = new TestBed();
        bed.add(HIK, AuditedDevices.hikvisionCamera());
        bed.add(DAHUA, AuditedDevices.dahuaCamera());
        bed.add(ONVIF, AuditedDevices.onvifAnalyticsCamera());
        bed.add(HOSTILE, AuditedDevices.hostileHikvision());
        bed.add(REFUSED, AuditedDevices.hikvisionCameraOtherPassword());
        bed.add(AXIS, Devices.axisCamera());
        bed.add(PRINTER, Devices.printer());
        bed.add(OUTSIDE, AuditedDevices.hikvisionCamera());
        AuditCredentials hik = new AuditCredentials(AuditedDevices.USER, AuditedDevices.HIKVISION_PASSWORD);
        AuditCredentials dahua = new AuditCredentials(AuditedDevices.USER, AuditedDevices.DAHUA_PASSWORD);
        Map<String, AuditCredentials> credentials = Map.of(HIK, hik, DAHUA, dahua, REFUSED, hik);
        Map<String, Set<String>> declared = Map.of(HIK, Set.of("ANALYTICS"), DAHUA, Set.of());
        audited = run(CapabilityAudit.Knowledge.of(
                a -> credentials.get(a.getHostAddress()), a -> declared.get(a.getHostAddress())));
        withoutCredentials = run(CapabilityAudit.Knowledge.of(null));
    }

    private static Map<String, DeviceAudit> run(CapabilityAudit.Knowledge knowledge) throws Exception {
        Indicators indicators = Indicators.bundled();
        SurveySettings settings = SurveySettings.polite()
                .withPorts(CapabilityAudit.ports(indicators))
                .withRate(5_000)
                .withConcurrency(16)
                .withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(3), Duration.ofMillis(300));
        Path ieee = Path.of("/usr/share/ieee-data");
        MacRegistry macs = Files.isDirectory(ieee) ? MacRegistry.load(ieee) : MacRegistry.empty();
        Identifier identifier =
                new Identifier(Fingerprints.bundled(), new Resolver(BundleReader.builtIn(), List.of(), macs));
        Map<String, DeviceAudit> found = new ConcurrentHashMap<>();
        new CapabilityAudit(
                        new ScopedNetwork(Scope.of("127.81.0.0/24"), settings),
                        identifier,
                        indicators,
                        Vulnerabilities.bundled(),
                        knowledge,
                        "camaudit-test",
                        Clock.systemUTC())
                .run(new CapabilityAudit.Listener() {
                    @Override
                    public void device(DeviceAudit audit) {
                        found.put(audit.address(), audit);
                    }

                    @Override
                    public void failed(Inet4Address address, RuntimeException error) {
                        throw new AssertionError("the audit of " + address + " failed", error);
                    }
                });
        return found;
    }

    @AfterAll
    static void close() {
        if (bed != null) {
            bed.close();
        }
    }

    @Test
    void aHikvisionCameraReadWithTheBodysAccountShowsWhatIsOnAndWhatIsDormant() {
        DeviceAudit hik = audited.get(HIK);
        assertThat(hik.access()).isEqualTo(DeviceAudit.Access.WITH_CREDENTIALS);
        assertThat(hik.maker()).isEqualTo("hikvision");
        assertThat(hik.model()).isEqualTo("DS-2CD2143G0-I");
        assertThat(hik.firmware()).isEqualTo("V5.5.0 build 170725");
        assertThat(hik.feature(Feature.FACE_DETECTION).standing()).isEqualTo(Standing.DORMANT);
        assertThat(hik.feature(Feature.ANALYTICS).standing()).isEqualTo(Standing.ON);
        assertThat(hik.feature(Feature.ANALYTICS).details()).contains("line crossing switched on (channel 1)");
        assertThat(hik.feature(Feature.AUDIO).standing()).isEqualTo(Standing.UNDECLARED);
        assertThat(hik.feature(Feature.CLOUD_LINK).standing()).isEqualTo(Standing.ON);
        assertThat(hik.feature(Feature.CLOUD_LINK).details()).contains("platform server litedev.hik-connect.com");
        assertThat(hik.feature(Feature.UPNP).standing()).isEqualTo(Standing.ON);
        assertThat(hik.feature(Feature.TELNET).standing()).isEqualTo(Standing.DORMANT);
        assertThat(hik.feature(Feature.SSH).standing()).isEqualTo(Standing.DORMANT);
        assertThat(hik.feature(Feature.VENDOR_SDK).standing()).isEqualTo(Standing.ON);
        assertThat(hik.feature(Feature.PTZ).standing()).isEqualTo(Standing.PRESENT);
        assertThat(hik.feature(Feature.FACE_RECOGNITION).standing()).isEqualTo(Standing.UNKNOWN);
        assertThat(hik.problems()).isEmpty();
        Evidence cloud = hik.feature(Feature.CLOUD_LINK).evidence().stream()
                .filter(e -> "hik-ezviz-on".equals(e.rule()))
                .findFirst()
                .orElseThrow();
        assertThat(cloud.request()).isEqualTo("GET /ISAPI/System/Network/EZVIZ (HTTP 80)");
        assertThat(cloud.excerpt()).isEqualTo("EZVIZ/enabled = true");
        assertThat(cloud.source()).startsWith("https://");
        assertThat(hik.vulnerabilities())
                .extracting(m -> m.vulnerability().id() + " " + m.exposure())
                .containsExactly("hik-36260 LIKELY");
    }

    @Test
    void aDahuaCameraShowsItsCloudLinkTelnetAndAnUndeclaredFaceRule() {
        DeviceAudit dahua = audited.get(DAHUA);
        assertThat(dahua.access()).isEqualTo(DeviceAudit.Access.WITH_CREDENTIALS);
        assertThat(dahua.maker()).isEqualTo("dahua");
        assertThat(dahua.model()).isEqualTo("IPC-HDW3441T-ZAS");
        assertThat(dahua.feature(Feature.CLOUD_LINK).standing()).isEqualTo(Standing.ON);
        assertThat(dahua.feature(Feature.TELNET).standing()).isEqualTo(Standing.ON);
        assertThat(dahua.feature(Feature.UPNP).standing()).isEqualTo(Standing.DORMANT);
        assertThat(dahua.feature(Feature.AUDIO).standing()).isEqualTo(Standing.DORMANT);
        assertThat(dahua.feature(Feature.FACE_DETECTION).standing()).isEqualTo(Standing.UNDECLARED);
        assertThat(dahua.feature(Feature.ANALYTICS).standing()).isEqualTo(Standing.DORMANT);
        assertThat(dahua.vulnerabilities())
                .extracting(m -> m.vulnerability().id() + " " + m.exposure())
                .containsExactly("dahua-33044-ipc AFFECTED");
    }

    @Test
    void anOpenOnvifCameraShowsItsProfilesSoundAndRules() {
        DeviceAudit onvif = audited.get(ONVIF);
        assertThat(onvif.access()).isEqualTo(DeviceAudit.Access.WITHOUT_CREDENTIALS);
        assertThat(onvif.feature(Feature.AUDIO).standing()).isEqualTo(Standing.ON);
        assertThat(onvif.feature(Feature.ANALYTICS).standing()).isEqualTo(Standing.ON);
        assertThat(onvif.feature(Feature.ANALYTICS).details()).contains("analytics rule tt:LineDetector configured");
        assertThat(onvif.feature(Feature.FACE_DETECTION).standing()).isEqualTo(Standing.UNKNOWN);
    }

    @Test
    void contradictoryMalformedAndHostileDocumentsAreNamedAndStopNothing() {
        DeviceAudit hostile = audited.get(HOSTILE);
        FeatureState face = hostile.feature(Feature.FACE_DETECTION);
        assertThat(face.contradictory()).isTrue();
        assertThat(face.enabled()).isEqualTo(Tristate.YES);
        assertThat(String.join("\n", hostile.problems()))
                .contains("DOCTYPE")
                .contains("malformed XML")
                .contains("cut off")
                .contains("more than 5000 values");
        assertThat(hostile.feature(Feature.CLOUD_LINK).standing()).isEqualTo(Standing.UNKNOWN);
        assertThat(hostile.vulnerabilities())
                .extracting(m -> m.vulnerability().id() + " " + m.exposure())
                .contains("hik-7921-2xx2f-i AFFECTED");
    }

    @Test
    void credentialsTheDeviceRefusesAreReportedAndNothingIsRead() {
        DeviceAudit refused = audited.get(REFUSED);
        assertThat(refused.access()).isEqualTo(DeviceAudit.Access.CREDENTIALS_REFUSED);
        assertThat(refused.feature(Feature.CLOUD_LINK).standing()).isEqualTo(Standing.UNKNOWN);
        assertThat(refused.unreadable()).isPositive();
    }

    @Test
    void withoutCredentialsLessIsKnownAndNothingIsGuessed() {
        DeviceAudit hik = withoutCredentials.get(HIK);
        assertThat(hik.access()).isEqualTo(DeviceAudit.Access.WITHOUT_CREDENTIALS);
        assertThat(hik.feature(Feature.CLOUD_LINK).standing()).isEqualTo(Standing.UNKNOWN);
        assertThat(hik.feature(Feature.FACE_DETECTION).standing()).isEqualTo(Standing.UNKNOWN);
        assertThat(hik.feature(Feature.VENDOR_SDK).standing()).isEqualTo(Standing.ON);
        assertThat(hik.feature(Feature.UPNP).standing()).isEqualTo(Standing.ON);
        assertThat(hik.unreadable()).isPositive();
        // SADP gives model and firmware without credentials, so the vulnerability still shows.
        assertThat(hik.vulnerabilities())
                .extracting(m -> m.vulnerability().id())
                .containsExactly("hik-36260");
        assertThat(AuditChanges.between(
                        hik.features(), audited.get(HIK).features(), Set.of("hik-36260"), Set.of("hik-36260")))
                .as("a reading not known before is not a change")
                .isEmpty();
        assertThat(audited).containsKeys(AXIS, PRINTER);
    }

    @Test
    void onlyReadsAreSentAndOnlyInsideTheScope() {
        assertThat(bed.contacts().to(OUTSIDE)).isEmpty();
        Pattern soapRead = Pattern.compile("<op:Get[A-Za-z]+>");
        for (Contacts.Request request : bed.contacts().requests()) {
            String line = request.line();
            boolean read = line.startsWith("GET ")
                    || line.startsWith("OPTIONS ")
                    || line.startsWith("DESCRIBE ")
                    || (line.startsWith("POST /onvif/")
                            && (soapRead.matcher(request.body()).find()
                                    || request.body().contains("<tds:Get")));
            assertThat(read).as(line + " " + request.body()).isTrue();
            assertThat(request.body()).doesNotContain("<op:Set").doesNotContain("<tds:Set");
        }
    }

    @Test
    void noCredentialAppearsInAnythingTheAuditReports() {
        for (Map<String, DeviceAudit> run : List.of(audited, withoutCredentials)) {
            for (DeviceAudit audit : run.values()) {
                assertThat(audit.toString())
                        .doesNotContain(AuditedDevices.HIKVISION_PASSWORD)
                        .doesNotContain(AuditedDevices.DAHUA_PASSWORD);
            }
        }
        for (Contacts.Request request : bed.contacts().requests()) {
            assertThat(request.line() + request.body()).doesNotContain(AuditedDevices.HIKVISION_PASSWORD);
        }
    }
}
