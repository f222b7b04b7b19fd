package io.camaudit.cli;

import io.camaudit.discovery.engine.Scope;
import io.camaudit.discovery.engine.SurveySettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** What a command that sends packets may touch and how politely: shared by scan and audit. */
final class NetworkOptions {

    @Option(
            names = "--scope",
            paramLabel = "ADDRESSES",
            description = "What to reach: a block (10.20.0.0/16), an address or a range (10.20.1.10-10.20.1.40);"
                    + " repeat or separate with commas. At most a /12.")
    List<String> scope = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "ADDRESSES", description = "Addresses never to touch, in the same forms")
    List<String> exclude = new ArrayList<>();

    @Option(
            names = "--rate",
            paramLabel = "N",
            defaultValue = "300",
            description = "New connections and datagrams a second, in all (default: ${DEFAULT-VALUE})")
    int rate;

    @Option(
            names = "--concurrency",
            paramLabel = "N",
            defaultValue = "32",
            description = "Hosts at a time (default: ${DEFAULT-VALUE})")
    int concurrency;

    @Option(
            names = "--connect-timeout",
            paramLabel = "MS",
            defaultValue = "1500",
            description = "Milliseconds to wait for a TCP connection (default: ${DEFAULT-VALUE})")
    int connectTimeout;

    @Option(
            names = "--read-timeout",
            paramLabel = "MS",
            defaultValue = "3000",
            description = "Milliseconds a reply may take in all (default: ${DEFAULT-VALUE})")
    int readTimeout;

    /** @throws IllegalArgumentException for a scope that does not parse or is too large */
    Scope parsedScope() {
        return Scope.parse(scope, exclude);
    }

    /** The polite defaults with these options applied; @throws IllegalArgumentException for values out of range */
    SurveySettings settings(List<Integer> ports) {
        return SurveySettings.polite()
                .withPorts(ports)
                .withRate(rate)
                .withConcurrency(concurrency)
                .withTimeouts(
                        Duration.ofMillis(connectTimeout),
                        Duration.ofMillis(readTimeout),
                        SurveySettings.polite().udpWait());
    }
}
