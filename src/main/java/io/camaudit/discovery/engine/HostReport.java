package io.camaudit.discovery.engine;

import java.net.Inet4Address;
import java.time.Duration;
import java.util.List;
import java.util.SortedSet;

/** What a survey learnt of one address: its open ports, every observation, and the identification. */
public record HostReport(
        Inet4Address address,
        SortedSet<Integer> openPorts,
        List<Observation> observations,
        Identification identification,
        Duration took) {

    public HostReport {
        openPorts = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(openPorts));
        observations = List.copyOf(observations);
    }
}
