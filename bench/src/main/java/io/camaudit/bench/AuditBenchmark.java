package io.camaudit.bench;

import io.camaudit.capability.engine.AuditCredentials;
import io.camaudit.capability.engine.CapabilityAudit;
import io.camaudit.capability.engine.DeviceAudit;
import io.camaudit.capability.engine.Indicators;
import io.camaudit.capability.engine.Vulnerabilities;
import io.camaudit.discovery.engine.Fingerprints;
import io.camaudit.discovery.engine.Identifier;
import io.camaudit.discovery.engine.Scope;
import io.camaudit.discovery.engine.ScopedNetwork;
import io.camaudit.discovery.engine.Survey;
import io.camaudit.discovery.engine.SurveySettings;
import io.camaudit.discovery.testbed.AuditedDevices;
import io.camaudit.discovery.testbed.Devices;
import io.camaudit.discovery.testbed.Profile;
import io.camaudit.discovery.testbed.TestBed;
import io.camaudit.intel.engine.BundleReader;
import io.camaudit.intel.engine.MacRegistry;
import io.camaudit.intel.engine.Resolver;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Audits 1,000 emulated devices on 127.91.0.0/22 (a mix of every kind the test bed has, the
 * Hikvision and Dahua ones read with the body's account) with the default politeness settings
 * (300 new connections or datagrams a second, 32 hosts at a time), and reports devices a second,
 * the peak live heap, and where the time went: the politeness floor (connections and datagrams
 * sent divided by the rate: the least time any tool keeping that rate could take) against the
 * wall time, and the CPU the audit's own threads used. The target (issue #5): the bottleneck is the
 * devices and the politeness, not camaudit.
 *
 * <p>Run with {@code bench/run audit} (as root: the emulated devices bind ports 80, 443 and 554).
 */
public final class AuditBenchmark {

    private record Kind(String name, Supplier<Profile> profile, int share, boolean hikAccount, boolean dahuaAccount) {}

    private static final List<Kind> KINDS = List.of(
            new Kind("Hikvision camera", AuditedDevices::hikvisionCamera, 30, true, false),
            new Kind("Dahua camera", AuditedDevices::dahuaCamera, 20, false, true),
            new Kind("ONVIF analytics camera", AuditedDevices::onvifAnalyticsCamera, 15, false, false),
            new Kind("hostile Hikvision", AuditedDevices::hostileHikvision, 5, false, false),
            new Kind("Axis camera", Devices::axisCamera, 10, false, false),
            new Kind("Hanwha camera", Devices::hanwhaCamera, 10, false, false),
            new Kind("printer", Devices::printer, 5, false, false),
            new Kind("web server", Devices::plainWebServer, 5, false, false));

    private AuditBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (!TestBed.canBindLowPorts()) {
            throw new IllegalStateException(TestBed.WHY_SKIPPED);
        }
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        AuditCredentials hik = new AuditCredentials(AuditedDevices.USER, AuditedDevices.HIKVISION_PASSWORD);
        AuditCredentials dahua = new AuditCredentials(AuditedDevices.USER, AuditedDevices.DAHUA_PASSWORD);
        Map<String, AuditCredentials> accounts = new HashMap<>();
        try (TestBed bed = new TestBed()) {
            int placed = 0;
            for (int i = 0; placed < devices; i++) {
                Kind kind = kindFor(i);
                String address = "127.91." + ((i + 1) / 256) + "." + ((i + 1) % 256);
                bed.add(address, kind.profile().get());
                if (kind.hikAccount()) {
                    accounts.put(address, hik);
                } else if (kind.dahuaAccount()) {
                    accounts.put(address, dahua);
                }
                placed++;
            }
            Indicators indicators = Indicators.bundled();
            SurveySettings settings = SurveySettings.polite().withPorts(CapabilityAudit.ports(indicators));
            Path ieee = Path.of("/usr/share/ieee-data");
            MacRegistry macs = Files.isDirectory(ieee) ? MacRegistry.load(ieee) : MacRegistry.empty();
            Identifier identifier =
                    new Identifier(Fingerprints.bundled(), new Resolver(BundleReader.builtIn(), List.of(), macs));
            ScopedNetwork network = new ScopedNetwork(Scope.of("127.91.0.0/22"), settings);
            System.out.printf(
                    Locale.ROOT,
                    "%d emulated devices on %d addresses; default politeness: %d connections or datagrams a second,"
                            + " %d hosts at a time; ports %s%n",
                    devices,
                    network.scope().size(),
                    settings.packetsPerSecond(),
                    settings.concurrentHosts(),
                    settings.ports());
            AtomicLong audited = new AtomicLong();
            AtomicLong withAccount = new AtomicLong();
            AtomicLong problems = new AtomicLong();
            CpuOfThreads cpu = new CpuOfThreads("survey");
            long start;
            Survey.Outcome outcome;
            try (HeapSampler heap = new HeapSampler()) {
                start = System.nanoTime();
                outcome = new CapabilityAudit(
                                network,
                                identifier,
                                indicators,
                                Vulnerabilities.bundled(),
                                CapabilityAudit.Knowledge.of(a -> accounts.get(a.getHostAddress()), a -> null),
                                "camaudit-bench",
                                Clock.systemUTC())
                        .run(audit -> count(audit, audited, withAccount, problems));
                double seconds = (System.nanoTime() - start) / 1e9;
                cpu.stop();
                double floor = (double) outcome.packets() / settings.packetsPerSecond();
                System.out.printf(
                        Locale.ROOT,
                        "audited %d devices (%d with the body's account, %d with problems named) of %d addresses in"
                                + " %.1f s: %.2f devices a second%n",
                        audited.get(),
                        withAccount.get(),
                        problems.get(),
                        outcome.surveyed(),
                        seconds,
                        audited.get() / seconds);
                System.out.printf(
                        Locale.ROOT,
                        "connections and datagrams sent: %d; politeness floor at %d a second: %.1f s; wall time /"
                                + " floor: %.2f%n",
                        outcome.packets(),
                        settings.packetsPerSecond(),
                        floor,
                        seconds / floor);
                System.out.printf(
                        Locale.ROOT,
                        "CPU of the audit's threads: %.1f s in %.1f s of wall time (%.1f%% of one core); peak live heap"
                                + " +%d MB%n",
                        cpu.seconds(),
                        seconds,
                        100 * cpu.seconds() / seconds,
                        heap.peakAboveBaselineMb());
            }
        }
    }

    private static Kind kindFor(int i) {
        int slot = i % 100;
        int upTo = 0;
        for (Kind kind : KINDS) {
            upTo += kind.share();
            if (slot < upTo) {
                return kind;
            }
        }
        return KINDS.get(KINDS.size() - 1);
    }

    private static void count(DeviceAudit audit, AtomicLong audited, AtomicLong withAccount, AtomicLong problems) {
        audited.incrementAndGet();
        if (audit.access() == DeviceAudit.Access.WITH_CREDENTIALS) {
            withAccount.incrementAndGet();
        }
        if (!audit.problems().isEmpty()) {
            problems.incrementAndGet();
        }
    }

    /** Sums the CPU time of the threads with this name, sampled as they live (pool threads end with the audit). */
    private static final class CpuOfThreads {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final Map<Long, Long> seen = new ConcurrentHashMap<>();
        private final Thread sampler;
        private volatile boolean running = true;

        CpuOfThreads(String name) {
            threads.setThreadCpuTimeEnabled(true);
            sampler = new Thread(() -> {
                while (running) {
                    for (ThreadInfo info : threads.dumpAllThreads(false, false)) {
                        if (info.getThreadName().equals(name)) {
                            long cpu = threads.getThreadCpuTime(info.getThreadId());
                            if (cpu > 0) {
                                seen.merge(info.getThreadId(), cpu, Math::max);
                            }
                        }
                    }
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
        }

        void stop() throws InterruptedException {
            running = false;
            sampler.join();
        }

        double seconds() {
            return seen.values().stream().mapToLong(Long::longValue).sum() / 1e9;
        }
    }
}
