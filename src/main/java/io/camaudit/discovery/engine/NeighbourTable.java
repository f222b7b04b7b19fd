package io.camaudit.discovery.engine;

import java.io.IOException;
import java.net.Inet4Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The MAC address of a host on the same segment, from the kernel's neighbour (ARP) table, which
 * the survey's own connections have just filled: no packet is sent to learn it. Linux keeps the
 * table in {@code /proc/net/arp}; elsewhere the lookup finds nothing.
 */
final class NeighbourTable {

    private final Path table;

    NeighbourTable() {
        this(Path.of("/proc/net/arp"));
    }

    NeighbourTable(Path table) {
        this.table = table;
    }

    @Nullable
    String macOf(Inet4Address address) {
        List<String> lines;
        try {
            lines = Files.readAllLines(table);
        } catch (IOException e) {
            return null;
        }
        String ip = address.getHostAddress();
        for (String line : lines) {
            // IP address  HW type  Flags  HW address  Mask  Device
            String[] cells = line.trim().split("\\s+");
            if (cells.length >= 4 && cells[0].equals(ip) && !cells[2].equals("0x0")) {
                String mac = Identifier.canonicalMac(cells[3]);
                return mac == null || mac.equals("00:00:00:00:00:00") ? null : mac;
            }
        }
        return null;
    }
}
