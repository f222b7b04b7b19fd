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
        String note) {

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
        String p = (protocol == 6 ? "tcp/" : protocol == 17 ? "udp/" : "ip" + protocol + "/") + port;
        return ports.contains(p);
    }
}
