package io.camaudit.discovery.engine;

import java.net.Inet4Address;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.jspecify.annotations.Nullable;

/**
 * Surveys one address: which camera ports are open (all at once), then, only if any is, the UDP
 * discovery protocols (one wait for all three), HTTP and HTTPS on the web ports, RTSP on the
 * streaming ports and ONVIF at the device service its WS-Discovery reply names (if that is this
 * address) or at the usual path on its web ports; and its MAC address from the local neighbour
 * table where it is on the same segment. An address with no open port costs one connect timeout at
 * most and gets no datagram.
 */
final class HostSurvey {

    private final ScopedNetwork network;
    private final Identifier identifier;
    private final WebProbe web;
    private final RtspProbe rtsp;
    private final OnvifProbe onvif;
    private final NeighbourTable neighbours = new NeighbourTable();

    HostSurvey(ScopedNetwork network, Identifier identifier, String userAgent) {
        this.network = network;
        this.identifier = identifier;
        this.web = new WebProbe(network, userAgent);
        this.rtsp = new RtspProbe(network, userAgent);
        this.onvif = new OnvifProbe(network, userAgent);
    }

    /** The report, or null where nothing answered. */
    @Nullable
    HostReport survey(Inet4Address address) throws InterruptedException {
        return survey(address, List.of());
    }

    /** As above, with what the host already said to a multicast request (which makes it worth a report). */
    @Nullable
    HostReport survey(Inet4Address address, List<Observation> heard) throws InterruptedException {
        long start = System.nanoTime();
        SurveySettings settings = network.settings();
        SortedSet<Integer> open = network.openPorts(address, settings.ports());
        if (open.isEmpty() && heard.isEmpty()) {
            return null;
        }
        List<Observation> seen = new ArrayList<>(heard);
        for (int port : open) {
            seen.add(new Observation("tcp", port, "tcp.open", Integer.toString(port)));
        }
        if (!open.isEmpty()) {
            for (ScopedNetwork.Datagram reply : network.exchangeUdp(address, DiscoveryDatagrams.requests())) {
                seen.addAll(DiscoveryDatagrams.parse(reply));
            }
        }
        for (int port : open) {
            if (SurveySettings.HTTP_PORTS.contains(port)) {
                seen.addAll(web.probe(address, port, false));
            } else if (SurveySettings.HTTPS_PORTS.contains(port)) {
                seen.addAll(web.probe(address, port, true));
            } else if (SurveySettings.RTSP_PORTS.contains(port)) {
                seen.addAll(rtsp.probe(address, port));
            }
        }
        for (Map.Entry<Integer, String> endpoint :
                onvifEndpoints(address, open, seen).entrySet()) {
            List<Observation> answer = onvif.probe(address, endpoint.getKey(), endpoint.getValue());
            seen.addAll(answer);
            if (!answer.isEmpty()) {
                break;
            }
        }
        String mac = neighbours.macOf(address);
        if (mac != null) {
            seen.add(new Observation("neighbour", 0, "mac.address", mac));
        }
        Identification identification = identifier.identify(seen);
        return new HostReport(address, open, seen, identification, Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Where to ask ONVIF: the XAddrs of the WS-Discovery reply that point back at this address over
     * plain HTTP on an open port (an XAddr elsewhere is not followed: it may be out of scope), then
     * the usual path on open web ports, at most three tries.
     */
    private static Map<Integer, String> onvifEndpoints(
            Inet4Address address, SortedSet<Integer> open, List<Observation> seen) {
        Map<Integer, String> endpoints = new LinkedHashMap<>();
        for (Observation o : seen) {
            if (!o.field().equals("wsd.xaddr")) {
                continue;
            }
            try {
                URI uri = new URI(o.value());
                int port = uri.getPort() == -1 ? 80 : uri.getPort();
                if ("http".equalsIgnoreCase(uri.getScheme())
                        && address.getHostAddress().equals(uri.getHost())
                        && open.contains(port)
                        && uri.getRawPath() != null
                        && !uri.getRawPath().isEmpty()) {
                    endpoints.putIfAbsent(port, uri.getRawPath());
                }
            } catch (URISyntaxException e) {
                // a malformed XAddr is skipped
            }
        }
        for (int port : List.of(80, 8899, 2020, 8080, 7070)) {
            if (open.contains(port) && endpoints.size() < 3) {
                endpoints.putIfAbsent(port, OnvifProbe.DEVICE_PATH);
            }
        }
        return endpoints;
    }
}
