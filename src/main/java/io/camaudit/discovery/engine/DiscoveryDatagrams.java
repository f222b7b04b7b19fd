package io.camaudit.discovery.engine;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.w3c.dom.Element;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The three discovery protocols cameras answer on UDP without credentials, sent unicast to each
 * address: WS-Discovery {@code Probe} (3702, ONVIF's discovery: XAddrs and Scopes with hardware
 * and name), Hikvision's SADP {@code inquiry} (37020: model, serial, firmware, MAC) and Dahua's
 * DHIP {@code DHDiscover.search} (37810: device type, serial, version, vendor). Each request only
 * asks; replies are parsed with the same limits as any device reply.
 */
final class DiscoveryDatagrams {

    static final int WS_DISCOVERY = 3702;
    static final int SADP = 37020;
    static final int DHIP = 37810;

    /** "DHIP" in the header of Dahua's discovery datagrams. */
    private static final int DHIP_MAGIC = 0x44484950;

    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(32)
                            .maxStringLength(16_384)
                            .build())
                    .build())
            .build();

    private DiscoveryDatagrams() {}

    /** The same requests for their multicast groups (WS-Discovery and SADP share one group). */
    static Map<java.net.InetSocketAddress, byte[]> multicastRequests() {
        Map<java.net.InetSocketAddress, byte[]> requests = new LinkedHashMap<>();
        requests.put(new java.net.InetSocketAddress("239.255.255.250", WS_DISCOVERY), wsDiscoveryProbe());
        requests.put(new java.net.InetSocketAddress("239.255.255.250", SADP), sadpInquiry());
        requests.put(new java.net.InetSocketAddress("239.255.255.251", DHIP), dhipSearch());
        return requests;
    }

    static Map<Integer, byte[]> requests() {
        Map<Integer, byte[]> requests = new LinkedHashMap<>();
        requests.put(WS_DISCOVERY, wsDiscoveryProbe());
        requests.put(SADP, sadpInquiry());
        requests.put(DHIP, dhipSearch());
        return requests;
    }

    /** An untyped Probe, which every target service answers (WS-Discovery 2005/04, 5.2). */
    static byte[] wsDiscoveryProbe() {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
                        + " xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\""
                        + " xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\"><s:Header><a:MessageID>uuid:"
                        + UUID.randomUUID() + "</a:MessageID><a:To s:mustUnderstand=\"1\">"
                        + "urn:schemas-xmlsoap-org:ws:2005:04:discovery</a:To><a:Action s:mustUnderstand=\"1\">"
                        + "http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe</a:Action></s:Header><s:Body><d:Probe/>"
                        + "</s:Body></s:Envelope>")
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] sadpInquiry() {
        return ("<?xml version=\"1.0\" encoding=\"utf-8\"?><Probe><Uuid>"
                        + UUID.randomUUID().toString().toUpperCase(Locale.ROOT)
                        + "</Uuid><Types>inquiry</Types></Probe>")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** DHIP: a 32-byte header (size, "DHIP", session, id, length twice, little-endian) and a JSON request. */
    static byte[] dhipSearch() {
        byte[] json = "{\"method\":\"DHDiscover.search\",\"params\":{\"mac\":\"\",\"uni\":1}}\n"
                .getBytes(StandardCharsets.UTF_8);
        ByteBuffer packet = ByteBuffer.allocate(32 + json.length).order(ByteOrder.LITTLE_ENDIAN);
        packet.putInt(0x20).putInt(Integer.reverseBytes(DHIP_MAGIC)).putInt(0).putInt(0);
        packet.putInt(json.length).putInt(0).putInt(json.length).putInt(0);
        packet.put(json);
        return packet.array();
    }

    static List<Observation> parse(ScopedNetwork.Datagram datagram) {
        return switch (datagram.fromPort()) {
            case WS_DISCOVERY -> wsDiscovery(datagram.data());
            case SADP -> sadp(datagram.data());
            case DHIP -> dhip(datagram.data());
            default -> List.of();
        };
    }

    static List<Observation> wsDiscovery(byte[] data) {
        List<Observation> seen = new ArrayList<>();
        try {
            Element envelope = SafeXml.parse(data);
            Element match = SafeXml.find(envelope, "ProbeMatch");
            if (match == null) {
                return seen;
            }
            String types = SafeXml.text(match, "Types");
            if (types != null) {
                seen.add(new Observation("wsd", WS_DISCOVERY, "wsd.types", types));
            }
            String xaddrs = SafeXml.text(match, "XAddrs");
            if (xaddrs != null) {
                for (String xaddr : xaddrs.split("\\s+")) {
                    seen.add(new Observation("wsd", WS_DISCOVERY, "wsd.xaddr", xaddr));
                }
            }
            String scopes = SafeXml.text(match, "Scopes");
            if (scopes != null) {
                for (String scope : scopes.split("\\s+")) {
                    seen.add(new Observation("wsd", WS_DISCOVERY, "wsd.scope", scope));
                    scopeItem(scope, "hardware")
                            .ifPresent(v -> seen.add(new Observation("wsd", WS_DISCOVERY, "wsd.hardware", v)));
                    scopeItem(scope, "name")
                            .ifPresent(v -> seen.add(new Observation("wsd", WS_DISCOVERY, "wsd.name", v)));
                    scopeItem(scope, "MfrName")
                            .ifPresent(v -> seen.add(new Observation("wsd", WS_DISCOVERY, "wsd.mfr", v)));
                }
            }
        } catch (SafeXml.BadXmlException e) {
            seen.add(new Observation("wsd", WS_DISCOVERY, "wsd.error", e.getMessage()));
        }
        return seen;
    }

    /** The value of an ONVIF scope such as {@code onvif://www.onvif.org/hardware/DS-2CD2143G0-I}. */
    private static java.util.Optional<String> scopeItem(String scope, String item) {
        String prefix = "onvif://www.onvif.org/" + item + "/";
        if (!scope.regionMatches(true, 0, prefix, 0, prefix.length()) || scope.length() == prefix.length()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(URLDecoder.decode(scope.substring(prefix.length()), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.of(scope.substring(prefix.length()));
        }
    }

    static List<Observation> sadp(byte[] data) {
        List<Observation> seen = new ArrayList<>();
        try {
            Element match = SafeXml.parse(data);
            if (!"ProbeMatch".equals(match.getLocalName())) {
                return seen;
            }
            String[][] fields = {
                {"DeviceType", "deviceType"},
                {"DeviceDescription", "model"},
                {"DeviceSN", "serial"},
                {"MAC", "mac"},
                {"SoftwareVersion", "firmware"},
                {"DSPVersion", "dspVersion"},
                {"CommandPort", "commandPort"},
                {"HttpPort", "httpPort"},
                {"Activated", "activated"}
            };
            seen.add(new Observation("sadp", SADP, "sadp.reply", "ProbeMatch"));
            for (String[] field : fields) {
                String value = SafeXml.text(match, field[0]);
                if (value != null) {
                    seen.add(new Observation("sadp", SADP, "sadp." + field[1], value));
                }
            }
        } catch (SafeXml.BadXmlException e) {
            seen.add(new Observation("sadp", SADP, "sadp.error", e.getMessage()));
        }
        return seen;
    }

    static List<Observation> dhip(byte[] data) {
        List<Observation> seen = new ArrayList<>();
        if (data.length < 32) {
            seen.add(new Observation(
                    "dhip", DHIP, "dhip.error", "a reply of " + data.length + " bytes, shorter than the header"));
            return seen;
        }
        ByteBuffer header = ByteBuffer.wrap(data, 0, 32).order(ByteOrder.LITTLE_ENDIAN);
        header.getInt();
        if (Integer.reverseBytes(header.getInt()) != DHIP_MAGIC) {
            seen.add(new Observation("dhip", DHIP, "dhip.error", "the reply does not start with the DHIP header"));
            return seen;
        }
        header.getInt();
        header.getInt();
        int length = header.getInt();
        if (length < 0 || length > data.length - 32) {
            seen.add(new Observation(
                    "dhip",
                    DHIP,
                    "dhip.error",
                    "the header declares " + length + " bytes of JSON, but " + (data.length - 32) + " came"));
            return seen;
        }
        try {
            JsonNode reply = JSON.readTree(new String(data, 32, length, StandardCharsets.UTF_8));
            JsonNode info = reply.path("params").path("deviceInfo");
            if (!info.isObject()) {
                return seen;
            }
            seen.add(new Observation(
                    "dhip", DHIP, "dhip.reply", reply.path("method").asString("")));
            String[][] fields = {
                {"DeviceType", "deviceType"},
                {"DeviceClass", "deviceClass"},
                {"SerialNo", "serial"},
                {"Version", "firmware"},
                {"Vendor", "vendor"},
                {"MachineName", "name"},
                {"Manufacturer", "manufacturer"}
            };
            for (String[] field : fields) {
                JsonNode value = info.path(field[0]);
                if (value.isString() && !value.asString().isBlank()) {
                    seen.add(new Observation(
                            "dhip", DHIP, "dhip." + field[1], value.asString().strip()));
                }
            }
            JsonNode mac = reply.path("mac");
            if (mac.isString() && !mac.asString().isBlank()) {
                seen.add(new Observation("dhip", DHIP, "dhip.mac", mac.asString()));
            }
        } catch (JacksonException e) {
            seen.add(new Observation(
                    "dhip",
                    DHIP,
                    "dhip.error",
                    "the JSON could not be read: " + Wire.printable(e.getOriginalMessage())));
        }
        return seen;
    }
}
