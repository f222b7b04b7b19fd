package io.camaudit.cli;

import io.camaudit.discovery.engine.Fingerprints;
import io.camaudit.discovery.engine.Identification;
import io.camaudit.discovery.engine.Identifier;
import io.camaudit.discovery.engine.PassiveImport;
import io.camaudit.intel.Intel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

/** Passive identification: who made the devices a file lists, without sending a packet. */
@Command(
        name = "identify",
        mixinStandardHelpOptions = true,
        description = {
            "Name the maker of each device a file lists, without sending a packet.",
            "",
            "Reads nmap XML (-oX), ARP and neighbour tables (ip neigh, /proc/net/arp, arp -a, show ip arp), DHCP leases"
                    + " (ISC dhcpd.leases, dnsmasq), switch MAC tables as CSV (a header naming the MAC column), and lists of"
                    + " MAC addresses; the format is recognised from the content. Makers come from the IEEE MAC registries"
                    + " and any banner or host name the file holds, through the fingerprint rules and the resolver.",
            "",
            "Exit code: 0 done (lines it could not read are listed on stderr), 1 for a file it cannot read at all."
        })
final class IdentifyCommand implements Callable<Integer> {

    @Mixin
    DataDirOption data = new DataDirOption();

    @Option(names = "--json", description = "One JSON object per host, with its evidence")
    boolean json;

    @Parameters(paramLabel = "FILE", description = "The file to read (up to 20 MB)")
    Path file;

    @Override
    public Integer call() throws Exception {
        PassiveImport.Result result;
        try {
            if (Files.size(file) > PassiveImport.MAX_BYTES) {
                System.err.println("camaudit identify: " + file + " is larger than 20 MB");
                return 1;
            }
            result = PassiveImport.read(file.getFileName().toString(), Files.readAllBytes(file));
        } catch (PassiveImport.BadFileException e) {
            System.err.println("camaudit identify: " + e.getMessage());
            return 1;
        }
        try (ConfigurableApplicationContext context = Contexts.start(false, data.dataDir)) {
            Intel intel = context.getBean(Intel.class);
            JsonMapper mapper = context.getBean(JsonMapper.class);
            Identifier identifier = new Identifier(Fingerprints.bundled(), intel.resolver());
            System.err.printf(
                    Locale.ROOT,
                    "%s: %s, %d hosts%n",
                    file.getFileName(),
                    result.format(),
                    result.hosts().size());
            for (PassiveImport.Identified host : PassiveImport.identify(result, identifier)) {
                Identification id = host.identification();
                if (json) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("ip", host.host().ip());
                    out.put("mac", host.host().mac());
                    out.put("source", host.host().source());
                    out.put("maker", id.maker());
                    out.put("path", id.resolution().path());
                    out.put("model", id.model());
                    out.put("kind", id.kind());
                    out.put(
                            "evidence",
                            id.claims().stream().map(c -> c.evidence()).toList());
                    out.put(
                            "resolverEvidence",
                            id.resolution().evidence().stream()
                                    .map(e -> e.kind() + ": " + e.text())
                                    .toList());
                    System.out.println(mapper.writeValueAsString(out));
                } else {
                    System.out.printf(
                            Locale.ROOT,
                            "%-15s %-17s %-22s %-22s %s%n",
                            host.host().ip() == null ? "-" : host.host().ip(),
                            host.host().mac() == null ? "-" : host.host().mac(),
                            id.maker() == null ? "maker unknown" : id.maker(),
                            id.model() == null ? "-" : id.model(),
                            id.resolution().resolved() ? id.resolution().path() : "");
                }
            }
            List<String> problems = result.problems();
            for (String problem : problems.subList(0, Math.min(problems.size(), 50))) {
                System.err.println("not read: " + problem);
            }
            if (problems.size() > 50) {
                System.err.println("… and " + (problems.size() - 50) + " more lines not read");
            }
            return 0;
        }
    }
}
