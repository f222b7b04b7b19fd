package io.camaudit.capability.engine;

import io.camaudit.discovery.engine.DeviceHttp;
import io.camaudit.discovery.engine.HostReport;
import io.camaudit.discovery.engine.Identification;
import io.camaudit.discovery.engine.Observation;
import io.camaudit.discovery.engine.SafeXml;
import io.camaudit.discovery.engine.ScopedNetwork;
import io.camaudit.discovery.engine.Soap;
import io.camaudit.discovery.engine.TextReply;
import java.net.Inet4Address;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

/**
 * Reads one surveyed device's documents, read-only: which of the ports the indicator rules name
 * accept a connection, whether it answers UPnP discovery, and, by what the survey found it to be,
 * Hikvision's ISAPI documents, Dahua's configuration tables and ONVIF's device, media and event
 * services. Only GET requests and ONVIF Get operations are sent; nothing is ever set.
 */
final class DeviceReader {

    static final String ONVIF_DEVICE_PATH = "/onvif/device_service";
    private static final byte[] SSDP_SEARCH = ("M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\n"
                    + "MAN: \"ssdp:discover\"\r\nMX: 1\r\nST: upnp:rootdevice\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);

    private final ScopedNetwork network;
    private final DeviceHttp http;
    private final Indicators indicators;
    private final Vulnerabilities vulnerabilities;
    private final Matrix matrix;
    private final Clock clock;

    DeviceReader(
            ScopedNetwork network,
            Indicators indicators,
            Vulnerabilities vulnerabilities,
            String userAgent,
            Clock clock) {
        this.network = network;
        this.http = new DeviceHttp(network, userAgent);
        this.indicators = indicators;
        this.vulnerabilities = vulnerabilities;
        this.matrix = new Matrix(indicators);
        this.clock = clock;
    }

    DeviceAudit read(HostReport report, @Nullable AuditCredentials credentials, @Nullable Set<String> declared)
            throws InterruptedException {
        long start = System.nanoTime();
        Instant started = clock.instant();
        Inet4Address address = report.address();
        Identification id = report.identification();
        Identity identity = new Identity(id.model(), id.firmware(), id.serial());
        List<Document> documents = new ArrayList<>();
        ports(report, documents);
        ssdp(address, report, documents);
        String maker = id.resolution().maker();
        List<DeviceSession> sessions = new ArrayList<>();
        Endpoint isapi = endpoint(report, "isapi.");
        if ("hikvision".equals(maker) || hasField(report, "isapi.namespace")) {
            DeviceSession session = session(address, isapi, report, credentials);
            sessions.add(session);
            isapi(session, documents, identity);
        }
        if ("dahua".equals(maker) || hasField(report, "dahua.")) {
            Endpoint dahua = endpoint(report, "magicbox.");
            DeviceSession session = session(address, dahua, report, credentials);
            sessions.add(session);
            dahua(session, documents, identity);
        }
        Observation onvifTime = first(report, "onvif.time");
        boolean onvifRefused = false;
        if (onvifTime != null) {
            onvifRefused = onvif(address, onvifTime, credentials, documents, identity);
        }
        DeviceAudit.Access access = credentials == null
                ? DeviceAudit.Access.WITHOUT_CREDENTIALS
                : onvifRefused || sessions.stream().anyMatch(DeviceSession::refusedCredentials)
                        ? DeviceAudit.Access.CREDENTIALS_REFUSED
                        : DeviceAudit.Access.WITH_CREDENTIALS;
        List<String> problems = documents.stream()
                .filter(d -> d.status() == Document.Status.FAILED)
                .map(d -> d.request() + ": " + d.problem())
                .toList();
        return new DeviceAudit(
                address.getHostAddress(),
                maker,
                id.resolution().makerName() != null ? id.resolution().makerName() : id.claimedMaker(),
                id.resolution().soldAs(),
                identity.model,
                identity.firmware,
                identity.serial,
                id.mac(),
                report.openPorts(),
                access,
                matrix.assess(documents, declared),
                vulnerabilities.match(maker, identity.model, identity.firmware),
                documents,
                problems,
                started,
                Duration.ofNanos(System.nanoTime() - start),
                indicators.version());
    }

    /** What the device says it is: the survey's reading, bettered by what an authenticated read gives. */
    private static final class Identity {
        @Nullable
        String model;

        @Nullable
        String firmware;

        @Nullable
        String serial;

        Identity(@Nullable String model, @Nullable String firmware, @Nullable String serial) {
            this.model = model;
            this.firmware = firmware;
            this.serial = serial;
        }
    }

    private record Endpoint(int port, boolean tls) {}

    // -- ports and UPnP ------------------------------------------------------------------------

    private void ports(HostReport report, List<Document> documents) {
        for (String port : indicators.documents("tcp")) {
            boolean open = report.openPorts().contains(Integer.parseInt(port));
            documents.add(new Document(
                    "tcp",
                    port,
                    "TCP connect to port " + port,
                    Document.Status.READ,
                    List.of(new Document.Entry("port", open ? "open" : "closed")),
                    open ? "accepted the connection" : "no answer",
                    clock.instant()));
        }
    }

    private void ssdp(Inet4Address address, HostReport report, List<Document> documents) throws InterruptedException {
        for (String port : indicators.documents("udp")) {
            if (report.openPorts().isEmpty()) {
                return; // as in the survey: no datagram to a host with no open port
            }
            String request = "SSDP M-SEARCH to UDP " + port;
            List<ScopedNetwork.Datagram> replies =
                    network.exchangeUdp(address, Map.of(Integer.parseInt(port), SSDP_SEARCH));
            if (replies.isEmpty()) {
                documents.add(Document.status("udp", port, request, Document.Status.NOT_OFFERED, clock.instant()));
                continue;
            }
            String text = new String(replies.get(0).data(), StandardCharsets.ISO_8859_1);
            List<Document.Entry> entries = new ArrayList<>();
            String[] lines = text.split("\r?\n");
            String[] status = lines[0].split(" ", 3);
            if (status.length >= 2 && status[0].startsWith("HTTP/1.")) {
                entries.add(new Document.Entry("ssdp/status", status[1]));
            }
            for (int i = 1; i < lines.length && i < 50; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0 && colon < 64 && lines[i].substring(0, colon).matches("[A-Za-z0-9.-]+")) {
                    entries.add(new Document.Entry(
                            "ssdp/" + lines[i].substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT),
                            lines[i].substring(colon + 1).strip()));
                }
            }
            documents.add(new Document("udp", port, request, Document.Status.READ, entries, text, clock.instant()));
        }
    }

    // -- Hikvision ISAPI ------------------------------------------------------------------------

    private void isapi(DeviceSession session, List<Document> documents, Identity identity) throws InterruptedException {
        Document info = session.get("isapi", "/ISAPI/System/deviceInfo", DeviceReader::xml);
        documents.add(info);
        if (info.status() == Document.Status.READ) {
            String model = value(info, "DeviceInfo/model");
            String firmware = value(info, "DeviceInfo/firmwareVersion");
            String built = value(info, "DeviceInfo/firmwareReleasedDate");
            identity.model = model != null ? model : identity.model;
            identity.serial = value(info, "DeviceInfo/serialNumber") != null
                    ? value(info, "DeviceInfo/serialNumber")
                    : identity.serial;
            if (firmware != null) {
                identity.firmware = built == null ? firmware : firmware + " " + built;
            }
        }
        for (String path : indicators.documents("isapi")) {
            documents.add(session.get("isapi", path, DeviceReader::xml));
        }
    }

    // -- Dahua ----------------------------------------------------------------------------------

    private void dahua(DeviceSession session, List<Document> documents, Identity identity) throws InterruptedException {
        Document info = session.get("dahua", "/cgi-bin/magicBox.cgi?action=getSystemInfo", DeviceReader::keyValues);
        documents.add(info);
        if (info.status() == Document.Status.READ) {
            String model = value(info, "deviceType");
            identity.model = model != null ? model : identity.model;
            String serial = value(info, "serialNumber");
            identity.serial = serial != null ? serial : identity.serial;
        }
        Document version =
                session.get("dahua", "/cgi-bin/magicBox.cgi?action=getSoftwareVersion", DeviceReader::keyValues);
        documents.add(version);
        if (version.status() == Document.Status.READ && value(version, "version") != null) {
            identity.firmware = value(version, "version"); // "2.800.0000016.0.R,build:2020-07-07"
        }
        for (String path : indicators.documents("dahua")) {
            documents.add(session.get("dahua", path, DeviceReader::keyValues));
        }
    }

    // -- ONVIF ----------------------------------------------------------------------------------

    /** Reads the ONVIF documents the rules name; returns whether the credentials were refused. */
    private boolean onvif(
            Inet4Address address,
            Observation time,
            @Nullable AuditCredentials credentials,
            List<Document> documents,
            Identity identity)
            throws InterruptedException {
        int port = time.port();
        Duration skew = Duration.ZERO;
        try {
            skew = Duration.between(clock.instant(), Instant.parse(time.value()));
        } catch (RuntimeException e) {
            // no usable device clock: the token uses ours
        }
        Map<String, String> paths = new HashMap<>();
        paths.put("device", ONVIF_DEVICE_PATH);
        boolean refused = false;
        List<String> operations = new ArrayList<>(indicators.documents("onvif"));
        operations.sort(java.util.Comparator.comparing(op -> op.startsWith("device:") ? 0 : 1));
        if (identity.model == null || identity.firmware == null) {
            operations.add(0, "device:GetDeviceInformation");
        }
        for (String operation : operations) {
            String service = operation.substring(0, operation.indexOf(':'));
            String name = operation.substring(operation.indexOf(':') + 1);
            String path = paths.get(service);
            String request = "ONVIF " + name + " (port " + port + ")";
            if (path == null) {
                documents.add(new Document(
                        "onvif",
                        operation,
                        request,
                        Document.Status.NOT_OFFERED,
                        List.of(),
                        "the device names no " + service + " service",
                        clock.instant()));
                continue;
            }
            String security = credentials == null ? null : Soap.security(credentials.onvif(), skew);
            Soap.Reply reply = Soap.call(
                    http,
                    address,
                    port,
                    path,
                    Indicators.ONVIF_SERVICES.getOrDefault(service, Indicators.ONVIF_SERVICES.get("device")),
                    name,
                    arguments(name),
                    security);
            Document document = document(operation, request, reply);
            refused |= credentials != null && reply.unauthorised();
            documents.add(document);
            if (name.equals("GetCapabilities") && reply.answered()) {
                servicePaths(address, reply.body(), paths);
            }
            if (name.equals("GetDeviceInformation") && reply.answered()) {
                identity.model = identity.model != null ? identity.model : value(document, "Model");
                identity.firmware = identity.firmware != null ? identity.firmware : value(document, "FirmwareVersion");
                identity.serial = identity.serial != null ? identity.serial : value(document, "SerialNumber");
            }
        }
        return refused;
    }

    private static String arguments(String operation) {
        return switch (operation) {
            case "GetCapabilities" -> "<op:Category>All</op:Category>";
            case "GetServices" -> "<op:IncludeCapability>false</op:IncludeCapability>";
            default -> "";
        };
    }

    private Document document(String operation, String request, Soap.Reply reply) {
        if (reply.unauthorised()) {
            return Document.status("onvif", operation, request, Document.Status.UNAUTHORISED, clock.instant());
        }
        if (reply.error() != null) {
            return Document.failed("onvif", operation, request, reply.error(), clock.instant());
        }
        Element body = reply.body();
        if (body == null) {
            return Document.status("onvif", operation, request, Document.Status.NOT_OFFERED, clock.instant());
        }
        if (reply.fault()) {
            Element reason = SafeXml.find(body, "Text");
            return new Document(
                    "onvif",
                    operation,
                    request,
                    Document.Status.NOT_OFFERED,
                    List.of(),
                    "SOAP fault: " + (reason == null ? "" : reason.getTextContent()),
                    clock.instant());
        }
        List<Element> children = SafeXml.children(body);
        List<Document.Entry> entries = children.isEmpty() ? List.of() : Flatten.xml(children.get(0));
        return new Document(
                "onvif", operation, request, Document.Status.READ, entries, body.getTextContent(), clock.instant());
    }

    /**
     * The paths of the media and event services GetCapabilities names. Only the path is kept: the
     * audit always speaks to the device's own address, so an XAddr pointing elsewhere leads nowhere.
     */
    private static void servicePaths(Inet4Address address, @Nullable Element body, Map<String, String> paths) {
        if (body == null) {
            return;
        }
        Element capabilities = SafeXml.find(body, "Capabilities");
        if (capabilities == null) {
            return;
        }
        for (Element capability : SafeXml.children(capabilities)) {
            String service = switch (capability.getLocalName()) {
                case "Media" -> "media";
                case "Events" -> "events";
                case "Imaging" -> "imaging";
                case "PTZ" -> "ptz";
                case "Analytics" -> "analytics";
                default -> null;
            };
            String xaddr = SafeXml.text(capability, "XAddr");
            if (service == null || xaddr == null) {
                continue;
            }
            try {
                URI uri = new URI(xaddr.strip());
                if (address.getHostAddress().equals(uri.getHost())
                        && uri.getRawPath() != null
                        && uri.getRawPath().startsWith("/")) {
                    paths.put(service, uri.getRawPath());
                }
            } catch (URISyntaxException e) {
                // a malformed XAddr names no service
            }
        }
    }

    // -- shared ---------------------------------------------------------------------------------

    private DeviceSession session(
            Inet4Address address, @Nullable Endpoint found, HostReport report, @Nullable AuditCredentials credentials) {
        Endpoint endpoint = found;
        if (endpoint == null) {
            endpoint = report.openPorts().contains(80)
                    ? new Endpoint(80, false)
                    : report.openPorts().contains(443) ? new Endpoint(443, true) : new Endpoint(80, false);
        }
        return new DeviceSession(http, address, endpoint.port(), endpoint.tls(), credentials, clock);
    }

    /** The port (and whether over TLS) where the survey saw fields with this prefix, or null. */
    private static @Nullable Endpoint endpoint(HostReport report, String prefix) {
        for (Observation o : report.observations()) {
            if (o.field().startsWith(prefix)
                    && (o.probe().equals("http") || o.probe().equals("https"))) {
                return new Endpoint(o.port(), o.probe().equals("https"));
            }
        }
        return null;
    }

    private static boolean hasField(HostReport report, String prefix) {
        return report.observations().stream().anyMatch(o -> o.field().startsWith(prefix));
    }

    private static @Nullable Observation first(HostReport report, String field) {
        return report.observations().stream()
                .filter(o -> o.field().equals(field))
                .findFirst()
                .orElse(null);
    }

    private static @Nullable String value(Document document, String suffix) {
        for (Document.Entry entry : document.entries()) {
            if ((entry.path().equals(suffix) || entry.path().endsWith("/" + suffix))
                    && !entry.value().isBlank()) {
                return entry.value();
            }
        }
        return null;
    }

    static List<Document.Entry> xml(TextReply reply) {
        try {
            return bounded(Flatten.xml(SafeXml.parse(reply.body())));
        } catch (SafeXml.BadXmlException e) {
            throw new DeviceSession.UnreadableException(e.getMessage());
        }
    }

    /** A document too big to read whole is not read at all: a part could say the opposite of the whole. */
    private static List<Document.Entry> bounded(List<Document.Entry> entries) {
        if (entries.size() >= Flatten.MAX_ENTRIES) {
            throw new DeviceSession.UnreadableException(
                    "more than " + Flatten.MAX_ENTRIES + " values in one document; not read");
        }
        return entries;
    }

    static List<Document.Entry> keyValues(TextReply reply) {
        String text = reply.bodyText();
        if (text.stripLeading().startsWith("<")) {
            throw new DeviceSession.UnreadableException("expected key=value lines, got markup");
        }
        return bounded(Flatten.keyValues(text));
    }
}
