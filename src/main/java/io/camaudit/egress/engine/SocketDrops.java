package io.camaudit.egress.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The datagrams the operating system dropped for a UDP socket of this process because its receive
 * buffer was full: lost before the collector could see them, so counted by no count of its own.
 * Linux says so in the last column of {@code /proc/net/udp} and {@code /proc/net/udp6}, a line a
 * socket; the socket is told by its local port and its inode, which {@code /proc/self/fd} links
 * to, so that another process's socket on the same port (SO_REUSEPORT) is not counted. Elsewhere
 * nothing says, and the answer is empty. Reads at most {@link #MAX_LINES} lines of each table.
 */
final class SocketDrops {

    static final int MAX_LINES = 1_000_000;

    private static final Path TABLES = Path.of("/proc/net");
    private static final Path OWN_FILES = Path.of("/proc/self/fd");

    private SocketDrops() {}

    /** The drops of this process's UDP sockets on the local port, or empty where the system does not say. */
    static OptionalLong of(int port) {
        Set<Long> inodes = ownSockets();
        if (inodes.isEmpty()) {
            return OptionalLong.empty();
        }
        long drops = 0;
        boolean found = false;
        for (String table : new String[] {"udp", "udp6"}) {
            Path file = TABLES.resolve(table);
            if (!Files.isReadable(file)) {
                continue;
            }
            try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
                OptionalLong d = drops(lines, port, inodes);
                if (d.isPresent()) {
                    found = true;
                    drops += d.getAsLong();
                }
            } catch (IOException | RuntimeException e) {
                return OptionalLong.empty(); // a table that cannot be read says nothing
            }
        }
        return found ? OptionalLong.of(drops) : OptionalLong.empty();
    }

    /**
     * The drops in one table ({@code sl local_address rem_address st tx_queue:rx_queue tr:tm->when
     * retrnsmt uid timeout inode ref pointer drops}, the addresses as hex {@code ADDRESS:PORT}) of
     * the sockets on the port with one of the inodes; empty if none is there.
     */
    static OptionalLong drops(BufferedReader table, int port, Set<Long> inodes) throws IOException {
        String header = table.readLine();
        if (header == null || !header.strip().startsWith("sl")) {
            throw new IllegalArgumentException("not a socket table");
        }
        String wanted = String.format(Locale.ROOT, ":%04X", port);
        long drops = 0;
        boolean found = false;
        String line;
        for (int n = 0; n < MAX_LINES && (line = table.readLine()) != null; n++) {
            String[] v = line.strip().split("\\s+");
            if (v.length < 13 || !v[1].endsWith(wanted)) {
                continue;
            }
            if (inodes.contains(Long.parseLong(v[9]))) {
                found = true;
                drops += Long.parseLong(v[12]);
            }
        }
        return found ? OptionalLong.of(drops) : OptionalLong.empty();
    }

    /** The inodes of this process's sockets ({@code /proc/self/fd/N -> socket:[INODE]}); none where there is no such directory. */
    private static Set<Long> ownSockets() {
        Set<Long> inodes = new HashSet<>();
        if (!Files.isDirectory(OWN_FILES)) {
            return inodes;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(OWN_FILES)) {
            for (Path fd : files) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[") && target.endsWith("]")) {
                        inodes.add(Long.parseLong(target.substring(8, target.length() - 1)));
                    }
                } catch (IOException | RuntimeException e) {
                    // closed since it was listed, or not a link: not a socket of ours now
                }
            }
        } catch (IOException e) {
            return Set.of();
        }
        return inodes;
    }
}
