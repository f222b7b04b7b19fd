package io.camaudit.discovery.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.camaudit.discovery.testbed.Devices;
import io.camaudit.discovery.testbed.TestBed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real peer: Debian's nmap scans an emulated camera on loopback, and camaudit reads nmap's XML
 * as a body would upload it. Skipped where nmap is not installed (.ci/run installs it).
 */
class NmapPeerTest {

    @TempDir
    Path work;

    @Test
    void nmapsOwnXmlOfAnEmulatedCameraIsReadAndIdentified() throws Exception {
        assumeTrue(TestBed.canBindLowPorts(), TestBed.WHY_SKIPPED);
        assumeTrue(new ProcessBuilder("nmap", "--version").start().waitFor() == 0, "skipped: nmap is not installed");
        Path xml = work.resolve("scan.xml");
        try (TestBed bed = new TestBed()) {
            bed.add("127.86.0.10", Devices.hikvisionCamera());
            // A plain connect scan of two ports with the default scripts that read HTTP headers and titles.
            Process nmap = new ProcessBuilder(List.of(
                            "nmap",
                            "-sT",
                            "-Pn",
                            "-n",
                            "-p",
                            "80,554",
                            "--script",
                            "http-server-header,http-title",
                            "-oX",
                            xml.toString(),
                            "127.86.0.10"))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            assertThat(nmap.waitFor(2, TimeUnit.MINUTES)).as("nmap finished").isTrue();
            assertThat(nmap.exitValue()).isZero();
            assertThat(bed.contacts().to("127.86.0.10")).isNotEmpty();
        }
        PassiveImport.Result result = PassiveImport.read("scan.xml", Files.readAllBytes(xml));
        assertThat(result.format()).isEqualTo("nmap XML");
        assertThat(result.hosts()).singleElement().satisfies(host -> {
            assertThat(host.ip()).isEqualTo("127.86.0.10");
            assertThat(host.observations())
                    .anyMatch(o -> o.field().equals("tcp.open") && o.value().equals("80"));
            assertThat(host.observations())
                    .anyMatch(o -> o.field().equals("http.server") && o.value().equals("App-webs/"));
        });
        Identification id =
                PassiveImport.identify(result, SurveyTest.identifier()).get(0).identification();
        assertThat(id.maker()).isEqualTo("Hikvision");
        assertThat(id.claims()).extracting(Claim::ruleId).contains("hik-server-app-webs");
    }
}
