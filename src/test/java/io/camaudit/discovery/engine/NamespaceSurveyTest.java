package io.camaudit.discovery.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.camaudit.discovery.testbed.EmulatorMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where the run is root, builds a network namespace joined to this one by a veth pair, starts
 * emulated devices inside it on a small subnet of its own (10.213.0.0/29, which exists only on that
 * link), and surveys the subnet across the link, as across a real segment: the survey also reads
 * each device's MAC address from the neighbour table, and multicast discovery on the link is tried
 * (a device outside the scope answers it and is dropped). Skipped, with the reason, where namespaces
 * cannot be made.
 */
class NamespaceSurveyTest {

    private final String namespace = "camaudit-t" + ProcessHandle.current().pid();
    private final String hostSide = "cat" + (ProcessHandle.current().pid() % 100_000) + "a";
    private final String deviceSide = "cat" + (ProcessHandle.current().pid() % 100_000) + "b";
    private Process emulator;

    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    private static String output(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(30, TimeUnit.SECONDS);
        return out.strip();
    }

    @Test
    void surveysASubnetInANamespaceAcrossAVethLink() throws Exception {
        assumeTrue(
                System.getProperty("os.name").toLowerCase().contains("linux"),
                "skipped: network namespaces are Linux's");
        assumeTrue(
                run("ip", "netns", "add", namespace) == 0,
                "skipped: cannot create a network namespace (needs root and the ip tool, as in CI)");
        List<String[]> setup = List.of(
                new String[] {"ip", "link", "add", hostSide, "type", "veth", "peer", "name", deviceSide},
                new String[] {"ip", "link", "set", deviceSide, "netns", namespace},
                new String[] {"ip", "addr", "add", "10.213.0.1/29", "dev", hostSide},
                new String[] {"ip", "link", "set", hostSide, "up"},
                new String[] {"ip", "netns", "exec", namespace, "ip", "addr", "add", "10.213.0.2/29", "dev", deviceSide
                },
                new String[] {"ip", "netns", "exec", namespace, "ip", "addr", "add", "10.213.0.3/29", "dev", deviceSide
                },
                new String[] {"ip", "netns", "exec", namespace, "ip", "addr", "add", "10.213.0.5/29", "dev", deviceSide
                },
                new String[] {"ip", "netns", "exec", namespace, "ip", "link", "set", deviceSide, "up"},
                new String[] {"ip", "netns", "exec", namespace, "ip", "link", "set", "lo", "up"});
        // A container may allow namespaces but not veth links: then the test cannot run, and says so.
        assumeTrue(run(setup.get(0)) == 0, "skipped: cannot create a veth pair (needs CAP_NET_ADMIN)");
        for (String[] command : setup.subList(1, setup.size())) {
            assertThat(run(command)).as(String.join(" ", command)).isZero();
        }
        String deviceMac = output("ip", "netns", "exec", namespace, "cat", "/sys/class/net/" + deviceSide + "/address");

        List<String> command = new ArrayList<>(List.of(
                "ip",
                "netns",
                "exec",
                namespace,
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                EmulatorMain.class.getName(),
                "10.213.0.2=hikvision-camera",
                "10.213.0.3=amcrest-camera",
                "10.213.0.5=hikvision-camera"));
        emulator = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader lines =
                new BufferedReader(new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8));
        String line;
        StringBuilder log = new StringBuilder();
        while ((line = lines.readLine()) != null && !line.equals("ready")) {
            log.append(line).append('\n');
        }
        assertThat(line)
                .as("the emulator in the namespace did not start:\n" + log)
                .isEqualTo("ready");

        // The host's own end of the link is left out: only the namespace's devices are surveyed.
        // The camera at .5 is left out too: it hears the multicast request (it is on the segment) but is never
        // reported.
        Scope scope = Scope.parse(List.of("10.213.0.0/29"), List.of("10.213.0.1", "10.213.0.5"));
        SurveySettings settings = SurveySettings.polite()
                .withRate(2_000)
                .withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofMillis(300));
        Map<String, HostReport> reports = new ConcurrentHashMap<>();
        ScopedNetwork network = new ScopedNetwork(scope, settings);
        Survey.Outcome outcome = new Survey(network, SurveyTest.identifier(), "camaudit-test")
                .withMulticastFrom((java.net.Inet4Address) java.net.InetAddress.getByName("10.213.0.1"))
                .run(report -> reports.put(report.address().getHostAddress(), report));

        assertThat(outcome.surveyed()).isEqualTo(6);
        // Multicast on the link: both devices in scope answered it; the one left out did too, and was dropped.
        assertThat(reports.get("10.213.0.2").observations())
                .anyMatch(o -> o.probe().equals("multicast") && o.port() == 37020);
        assertThat(reports.get("10.213.0.3").observations())
                .anyMatch(o -> o.probe().equals("multicast") && o.port() == 37810);
        assertThat(network.outOfScopeReplies()).isPositive();
        assertThat(reports).containsOnlyKeys("10.213.0.2", "10.213.0.3");
        Identification hik = reports.get("10.213.0.2").identification();
        assertThat(hik.maker()).isEqualTo("Hikvision");
        assertThat(hik.model()).isEqualTo("DS-2CD2143G0-I");
        assertThat(reports.get("10.213.0.3").identification().resolution().path())
                .isEqualTo("Sold as Amcrest, made by Dahua (relabelled)");
        // Across a real link the kernel learnt the device's MAC address, and the survey read it.
        assertThat(reports.get("10.213.0.2").observations())
                .anyMatch(o -> o.probe().equals("neighbour") && o.value().equals(deviceMac));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (emulator != null) {
            emulator.getOutputStream().close();
            if (!emulator.waitFor(10, TimeUnit.SECONDS)) {
                emulator.destroyForcibly();
            }
        }
        run("ip", "link", "del", hostSide);
        run("ip", "netns", "del", namespace);
    }
}
