package io.camaudit.discovery.testbed;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How an emulated device answers, in each protocol it speaks: canned HTTP responses by path (the
 * raw bytes a real device sends, head and body), RTSP responses, ONVIF device information (open or
 * behind WS-UsernameToken), and its WS-Discovery, SADP and DHIP replies. Built by {@link Devices}.
 */
public final class Profile {

    final String name;
    final Set<Integer> openPorts;
    final Map<String, String> http = new LinkedHashMap<>();

    @Nullable
    String httpDefault;

    final Map<String, String> rtsp = new LinkedHashMap<>();

    @Nullable
    OnvifDevice onvif;

    @Nullable
    String wsDiscoveryMatch;

    @Nullable
    String sadpMatch;

    @Nullable
    String dhipJson;
    /** Whether ports 443 and 8443 speak TLS (a printer's plain-HTTP 443 is a misconfiguration some have). */
    boolean tls;

    /** HTTP responses served only to a request with a valid Digest answer for the account below (vendor interfaces). */
    final Map<String, String> protectedHttp = new LinkedHashMap<>();

    @Nullable
    String httpUser;

    @Nullable
    String httpPassword;

    String httpRealm = "device";

    /** The Server header of its challenges (null: none, as Dahua's web server sends none). */
    @Nullable
    String httpServer;

    /** What the ONVIF media, analytics and event services say (null: only the device service). */
    @Nullable
    OnvifMedia onvifMedia;

    /** The reply to an SSDP M-SEARCH on UDP 1900 (null: silent). */
    @Nullable
    String ssdpReply;

    /** Raw bytes sent for any TCP request instead of a proper answer (hostile devices). */
    @Nullable
    Hostile hostile;

    Profile(String name, Set<Integer> openPorts) {
        this.name = name;
        this.openPorts = Set.copyOf(openPorts);
    }

    /** A copy whose replies name the address it is placed at (XAddrs, IPv4Address). */
    Profile placedAt(String host) {
        Profile copy = new Profile(name, openPorts);
        http.forEach((path, response) -> copy.http.put(path, response.replace("{host}", host)));
        copy.httpDefault = httpDefault;
        copy.rtsp.putAll(rtsp);
        copy.onvif = onvif;
        copy.wsDiscoveryMatch = wsDiscoveryMatch == null ? null : wsDiscoveryMatch.replace("{host}", host);
        copy.sadpMatch = sadpMatch == null ? null : sadpMatch.replace("{host}", host);
        copy.dhipJson = dhipJson == null ? null : dhipJson.replace("{host}", host);
        copy.hostile = hostile;
        copy.tls = tls;
        protectedHttp.forEach((path, response) -> copy.protectedHttp.put(path, response.replace("{host}", host)));
        copy.httpUser = httpUser;
        copy.httpPassword = httpPassword;
        copy.httpRealm = httpRealm;
        copy.httpServer = httpServer;
        copy.onvifMedia = onvifMedia;
        copy.ssdpReply = ssdpReply;
        return copy;
    }

    public String name() {
        return name;
    }

    /** ONVIF GetDeviceInformation's answer, and the credentials it needs (null: none). */
    record OnvifDevice(
            String manufacturer,
            String model,
            String firmware,
            String serial,
            String hardwareId,
            @Nullable String username,
            @Nullable String password,
            boolean ptz) {}

    /**
     * The media profile's audio, the analytics modules and rules in its video analytics
     * configuration, the event topics the device can raise (paths like RuleEngine/LineDetector),
     * and whether GetCapabilities reports analytics.
     */
    record OnvifMedia(
            boolean audioSource,
            boolean audioEncoder,
            java.util.List<String> modules,
            java.util.List<String> rules,
            java.util.List<String> topics,
            boolean analytics) {}

    /** Ways a device can misbehave. */
    public enum Hostile {
        ENDLESS_BODY,
        SLOW_DRIP,
        HUGE_HEADERS,
        GARBAGE,
        ENTITY_EXPANSION
    }
}
