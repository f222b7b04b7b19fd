package io.camaudit.discovery.engine;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How hard and how politely a survey works. The defaults are polite for a working network: 32
 * hosts at a time, 300 new connections or datagrams a second across the survey, 1.5 s to connect,
 * 3 s for a reply, and at most 256 KiB read from any reply.
 */
public record SurveySettings(
        List<Integer> ports,
        int packetsPerSecond,
        int concurrentHosts,
        Duration connectTimeout,
        Duration readTimeout,
        Duration udpWait,
        int maxReplyBytes,
        @Nullable OnvifCredentials credentials) {

    /**
     * The TCP ports cameras, recorders and video servers use: web (80, 443, 8080, 8443, 8000 as
     * Hikvision's SDK port, 81, 88), RTSP (554, 8554), ONVIF's usual (80, 8899, 2020), Dahua's
     * service (37777) and RTSP alternative, XMeye/NetSurveillance OEMs (34567), Uniview (7070),
     * Axis and Hanwha (default web and RTSP ports).
     */
    public static final List<Integer> CAMERA_PORTS =
            List.of(80, 81, 88, 443, 554, 2020, 7070, 8000, 8080, 8443, 8554, 8899, 34567, 37777);

    /** Ports spoken as plain HTTP, and as HTTP over TLS. */
    public static final List<Integer> HTTP_PORTS = List.of(80, 81, 88, 2020, 7070, 8080, 8899);

    public static final List<Integer> HTTPS_PORTS = List.of(443, 8443);

    public static final List<Integer> RTSP_PORTS = List.of(554, 8554);

    public SurveySettings {
        ports = List.copyOf(ports);
        if (ports.isEmpty() || ports.stream().anyMatch(p -> p < 1 || p > 65_535)) {
            throw new IllegalArgumentException("Ports must be 1 to 65535, and at least one is needed");
        }
        if (concurrentHosts < 1 || concurrentHosts > 4_096) {
            throw new IllegalArgumentException("Hosts at a time must be 1 to 4096");
        }
        if (maxReplyBytes < 1_024) {
            throw new IllegalArgumentException("The reply limit must be at least 1024 bytes");
        }
    }

    public static SurveySettings polite() {
        return new SurveySettings(
                CAMERA_PORTS,
                300,
                32,
                Duration.ofMillis(1_500),
                Duration.ofSeconds(3),
                Duration.ofMillis(800),
                256 * 1024,
                null);
    }

    public SurveySettings withRate(int packetsPerSecond) {
        return new SurveySettings(
                ports,
                packetsPerSecond,
                concurrentHosts,
                connectTimeout,
                readTimeout,
                udpWait,
                maxReplyBytes,
                credentials);
    }

    public SurveySettings withConcurrency(int hosts) {
        return new SurveySettings(
                ports, packetsPerSecond, hosts, connectTimeout, readTimeout, udpWait, maxReplyBytes, credentials);
    }

    public SurveySettings withPorts(List<Integer> ports) {
        return new SurveySettings(
                ports,
                packetsPerSecond,
                concurrentHosts,
                connectTimeout,
                readTimeout,
                udpWait,
                maxReplyBytes,
                credentials);
    }

    public SurveySettings withTimeouts(Duration connect, Duration read, Duration udp) {
        return new SurveySettings(
                ports, packetsPerSecond, concurrentHosts, connect, read, udp, maxReplyBytes, credentials);
    }

    public SurveySettings withCredentials(@Nullable OnvifCredentials credentials) {
        return new SurveySettings(
                ports,
                packetsPerSecond,
                concurrentHosts,
                connectTimeout,
                readTimeout,
                udpWait,
                maxReplyBytes,
                credentials);
    }
}
