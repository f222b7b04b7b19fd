package io.camaudit.egress.engine;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One alert: a device, a destination and a rule, with first and last seen, how many flows, bytes
 * and packets, what the destination is (the name the device looked up, the vendor service, the
 * country and autonomous system, with the geolocation data used), and the first flows as evidence.
 */
public record Alert(
        Rule rule,
        Directory.Device device,
        Ip destination,
        int port,
        int protocol,
        @Nullable String name,
        @Nullable Endpoint endpoint,
        @Nullable String country,
        Geo.@Nullable Asn asn,
        String geoData,
        long first,
        long last,
        long flows,
        long bytes,
        long packets,
        List<String> evidence) {

    /** The words an officer reads. */
    public String summary() {
        String where = (name != null ? name + " (" + destination + ")" : destination.toString())
                + (port > 0 ? " port " + (protocol == 17 ? "UDP " : protocol == 6 ? "TCP " : "") + port : "")
                + (country != null ? ", " + country : "")
                + (asn != null ? ", AS" + asn.number() + " " + asn.owner() : "");
        String service =
                endpoint == null ? "" : " [" + endpoint.service() + (endpoint.verified() ? "" : ", unverified") + "]";
        return rule.title() + ": " + device.label() + " to " + where + service;
    }
}
