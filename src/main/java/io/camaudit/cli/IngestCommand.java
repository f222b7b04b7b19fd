package io.camaudit.cli;

import io.camaudit.egress.AlertView;
import io.camaudit.egress.EgressMonitor;
import io.camaudit.egress.IngestResult;
import io.camaudit.register.Organisation;
import io.camaudit.register.Register;
import io.camaudit.shared.BadInputException;
import io.camaudit.shared.Viewer;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

/** Files of network records, analysed for a body's cameras phoning home. */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = {
            "Analyse files of network records for what a body's registered cameras and recorders talk to, and keep and"
                    + " print the alerts: a device reaching outside the body's networks, a server in a flagged"
                    + " jurisdiction (China and Hong Kong), a vendor cloud, P2P relay or DDNS service (by the name it"
                    + " looked up, its port or its network), a look-up of such a name, or more than 100 MB out in an"
                    + " hour.",
            "",
            "Each file's kind is told by its content: pcap or pcapng captures, IPFIX files, Zeek conn.log and dns.log"
                    + " (tab-separated or JSON), and nfdump CSV exports (nfdump -o csv), gzipped or not. Destinations are"
                    + " placed offline with the geolocation data the build installed, named in the output.",
            "",
            "The body's own networks and allow-list are its egress settings (its page, or"
                    + " PUT /api/v1/organisations/{id}/egress-networks); by default its permitted survey ranges.",
            "",
            "Exit code: 0 done (with or without alerts), 1 if a file could not be read, 2 for a bad option."
        })
final class IngestCommand implements Callable<Integer> {

    @Mixin
    DataDirOption data = new DataDirOption();

    @Option(
            names = {"-o", "--organisation"},
            required = true,
            paramLabel = "NAME|ID",
            description = "The body whose records these are")
    String organisation;

    @Option(
            names = "--networks",
            paramLabel = "NETWORKS",
            description = "Set the body's own networks first (10.20.0.0/16, 2001:db8::/32; audit-logged)")
    @org.jspecify.annotations.Nullable
    String networks;

    @Option(
            names = "--allow",
            paramLabel = "NETWORKS",
            description = "With --networks: the destinations its devices may reach (its own cloud VMS, NTP servers)")
    @org.jspecify.annotations.Nullable
    String allow;

    @Option(names = "--json", description = "One JSON object per alert, with its evidence and enrichment")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The files to analyse")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                System.err.println("camaudit ingest: " + file + " is not a file");
                return 2;
            }
        }
        try (ConfigurableApplicationContext context = Contexts.start(false, data.dataDir)) {
            Viewer viewer = CliViewer.get();
            Organisation body = ImportCommand.resolve(context.getBean(Register.class), viewer, organisation);
            EgressMonitor monitor = context.getBean(EgressMonitor.class);
            JsonMapper mapper = context.getBean(JsonMapper.class);
            if (networks != null) {
                try {
                    monitor.setNetworks(viewer, body.id(), networks, allow == null ? "" : allow);
                } catch (BadInputException e) {
                    System.err.println("camaudit ingest: " + e.getMessage());
                    return 2;
                }
            }
            int exit = 0;
            for (Path file : files) {
                IngestResult result;
                try (InputStream in = Files.newInputStream(file)) {
                    result =
                            monitor.ingest(viewer, body.id(), file.getFileName().toString(), in);
                } catch (BadInputException e) {
                    System.err.println("camaudit ingest: " + e.getMessage());
                    exit = 1;
                    continue;
                }
                System.err.printf(
                        Locale.ROOT,
                        "%s: %s%s, %,d records, %,d flows, %,d from registered devices, %d alerts (%d new or opened"
                                + " again); %s; egress data %s%n",
                        result.file(),
                        result.kind(),
                        result.gzipped() ? " (gzipped)" : "",
                        result.records(),
                        result.flows(),
                        result.fromDevices(),
                        result.alerts().size(),
                        result.raised().size(),
                        result.geoData(),
                        result.dataVersion());
                for (String problem : result.problems()) {
                    System.err.println("  problem: " + problem);
                }
                for (AlertView alert : result.alerts()) {
                    System.out.println(json ? mapper.writeValueAsString(alert) : line(alert));
                }
            }
            return exit;
        }
    }

    static String line(AlertView a) {
        return String.format(
                Locale.ROOT,
                "%-6s alert %d: %s; %,d flows, %,d bytes, %s to %s%s",
                a.severity(),
                a.id(),
                a.summary(),
                a.flows(),
                a.bytes(),
                a.firstSeen(),
                a.lastSeen(),
                a.status().equals("OPEN") ? "" : " (" + a.status().toLowerCase(Locale.ROOT) + ")");
    }
}
