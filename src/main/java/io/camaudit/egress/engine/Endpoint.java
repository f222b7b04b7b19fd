package io.camaudit.egress.engine;

import java.util.List;

/**
 * A vendor's cloud, P2P relay, update or DDNS service, as the reference data names it: the names
 * (a name matches if it is one of them or ends with "." and one of them), the ports ("udp/8800";
 * none: any), the networks, whether the source verified it, and the source.
 */
public record Endpoint(
        String id,
        String service,
        String vendor,
        String kind,
        List<String> names,
        List<String> ports,
        Prefixes networks,
        boolean verified,
        String source,
        String note,
        int[] portKeys) {

    public Endpoint(
            String id,
            String service,
            String vendor,
            String kind,
            List<String> names,
            List<String> ports,
            Prefixes networks,
            boolean verified,
            String source,
            String note) {
        this(id, service, vendor, kind, names, ports, networks, verified, source, note, keys(ports));
    }

    private static int[] keys(List<String> ports) {
        int[] keys = new int[ports.size()];
        for (int i = 0; i < keys.length; i++) {
            String[] parts = ports.get(i).split("/");
            keys[i] = parts.length == 2 && parts[1].matches("\\d{1,5}")
                    ? ((parts[0].equals("tcp") ? 6 : 17) << 16) | Integer.parseInt(parts[1])
                    : -1;
        }
        return keys;
    }

    public boolean matchesName(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        for (String suffix : names) {
            if (n.equals(suffix) || n.endsWith("." + suffix)) {
                return true;
            }
        }
        return false;
    }

    public boolean matchesPort(int protocol, int port) {
        if (ports.isEmpty()) {
            return true;
        }
        int key = (protocol << 16) | port;
        for (int p : portKeys) {
            if (p == key) {
                return true;
            }
        }
        return false;
    }
}
