package io.camaudit.discovery.engine;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

/**
 * ONVIF's device service, read-only calls only: {@code GetSystemDateAndTime} (always open),
 * {@code GetDeviceInformation}, {@code GetServices} and {@code GetCapabilities}, first without
 * credentials and then, where the body gave some, with a WS-UsernameToken password digest whose
 * timestamp follows the device's own clock (ONVIF Core, 5.12.2). Nothing is ever set.
 */
final class OnvifProbe {

    static final String DEVICE_PATH = "/onvif/device_service";
    private static final String DEVICE_NS = "http://www.onvif.org/ver10/device/wsdl";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ScopedNetwork network;
    private final DeviceHttp http;

    OnvifProbe(ScopedNetwork network, String userAgent) {
        this.network = network;
        this.http = new DeviceHttp(network, userAgent);
    }

    List<Observation> probe(InetAddress address, int port, String path) throws InterruptedException {
        List<Observation> seen = new ArrayList<>();
        Element time = call(address, port, path, "GetSystemDateAndTime", "", null, seen);
        if (time == null) {
            return seen; // not an ONVIF device service
        }
        Duration skew = Duration.ZERO;
        Instant deviceTime = utc(time);
        if (deviceTime != null) {
            seen.add(new Observation("onvif", port, "onvif.time", deviceTime.toString()));
            skew = Duration.between(Instant.now(), deviceTime);
        }
        OnvifCredentials credentials = network.settings().credentials();
        Element info = call(address, port, path, "GetDeviceInformation", "", null, seen);
        boolean authorised = false;
        if (isAuthFault(info) && credentials != null) {
            info = call(address, port, path, "GetDeviceInformation", "", token(credentials, skew), seen);
            authorised = info != null && !isFault(info);
        }
        if (isAuthFault(info)) {
            seen.add(new Observation("onvif", port, "onvif.auth", "GetDeviceInformation needs credentials"));
        } else if (info != null && !isFault(info)) {
            String[][] fields = {
                {"Manufacturer", "manufacturer"},
                {"Model", "model"},
                {"FirmwareVersion", "firmware"},
                {"SerialNumber", "serial"},
                {"HardwareId", "hardwareId"}
            };
            for (String[] field : fields) {
                String value = SafeXml.text(info, field[0]);
                if (value != null) {
                    seen.add(new Observation("onvif", port, "onvif." + field[1], value));
                }
            }
            if (authorised) {
                seen.add(new Observation("onvif", port, "onvif.auth", "read with the credentials given"));
            }
        }
        String header = authorised ? token(credentials, skew) : null;
        Element services = call(
                address,
                port,
                path,
                "GetServices",
                "<tds:IncludeCapability>false</tds:IncludeCapability>",
                header,
                seen);
        if (services != null && !isFault(services)) {
            for (Element service : SafeXml.findAll(services, "Service")) {
                String namespace = SafeXml.text(service, "Namespace");
                if (namespace != null) {
                    seen.add(new Observation("onvif", port, "onvif.service", namespace));
                }
            }
        }
        Element capabilities =
                call(address, port, path, "GetCapabilities", "<tds:Category>All</tds:Category>", header, seen);
        if (capabilities != null && !isFault(capabilities)) {
            Element holder = SafeXml.find(capabilities, "Capabilities");
            if (holder != null) {
                for (Element capability : SafeXml.children(holder)) {
                    seen.add(new Observation("onvif", port, "onvif.capability", capability.getLocalName()));
                }
            }
        }
        return seen;
    }

    private static boolean isFault(Element body) {
        return SafeXml.find(body, "Fault") != null;
    }

    /** A fault or refusal that says credentials are needed (ter:NotAuthorized, or an HTTP 401). */
    private static boolean isAuthFault(@Nullable Element body) {
        if (body == null) {
            return false;
        }
        if ("Unauthorized".equals(body.getLocalName())) {
            return true;
        }
        Element fault = SafeXml.find(body, "Fault");
        return fault != null && fault.getTextContent().contains("NotAuthorized");
    }

    private static @Nullable Instant utc(Element reply) {
        Element utc = SafeXml.find(reply, "UTCDateTime");
        if (utc == null) {
            return null;
        }
        try {
            int year = Integer.parseInt(SafeXml.text(utc, "Year"));
            int month = Integer.parseInt(SafeXml.text(utc, "Month"));
            int day = Integer.parseInt(SafeXml.text(utc, "Day"));
            int hour = Integer.parseInt(SafeXml.text(utc, "Hour"));
            int minute = Integer.parseInt(SafeXml.text(utc, "Minute"));
            int second = Integer.parseInt(SafeXml.text(utc, "Second"));
            return ZonedDateTime.of(year, month, day, hour, minute, second, 0, ZoneOffset.UTC)
                    .toInstant();
        } catch (RuntimeException e) {
            return null; // a missing or impossible date is not an error worth reporting
        }
    }

    /** The WS-Security header with a UsernameToken password digest: Base64(SHA-1(nonce + created + password)). */
    static String token(OnvifCredentials credentials, Duration skew) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String created =
                DateTimeFormatter.ISO_INSTANT.format(Instant.now().plus(skew).truncatedTo(ChronoUnit.SECONDS));
        return tokenFor(credentials, nonce, created);
    }

    static String tokenFor(OnvifCredentials credentials, byte[] nonce, String created) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(nonce);
            sha1.update(created.getBytes(StandardCharsets.UTF_8));
            sha1.update(credentials.password().getBytes(StandardCharsets.UTF_8));
            String digest = Base64.getEncoder().encodeToString(sha1.digest());
            return "<wsse:Security s:mustUnderstand=\"1\" xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/"
                    + "oasis-200401-wss-wssecurity-secext-1.0.xsd\" xmlns:wsu=\"http://docs.oasis-open.org/wss/2004/01/"
                    + "oasis-200401-wss-wssecurity-utility-1.0.xsd\"><wsse:UsernameToken><wsse:Username>"
                    + escape(credentials.username())
                    + "</wsse:Username><wsse:Password Type=\"http://docs.oasis-open.org/"
                    + "wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest\">" + digest
                    + "</wsse:Password><wsse:Nonce EncodingType=\"http://docs.oasis-open.org/wss/2004/01/"
                    + "oasis-200401-wss-soap-message-security-1.0#Base64Binary\">"
                    + Base64.getEncoder().encodeToString(nonce) + "</wsse:Nonce><wsu:Created>" + created
                    + "</wsu:Created></wsse:UsernameToken></wsse:Security>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * Posts one SOAP 1.2 request and returns the reply's Body element, a synthetic
     * {@code <Unauthorized/>} where the device asked for credentials, or null where no SOAP came back.
     */
    private @Nullable Element call(
            InetAddress address,
            int port,
            String path,
            String operation,
            String arguments,
            @Nullable String security,
            List<Observation> seen)
            throws InterruptedException {
        Soap.Reply reply = Soap.call(http, address, port, path, DEVICE_NS, operation, arguments, security);
        if (reply.error() != null) {
            seen.add(new Observation("onvif", port, "onvif.error", reply.error()));
        }
        if (reply.unauthorised()) {
            try {
                return SafeXml.parse("<Unauthorized/>".getBytes(StandardCharsets.US_ASCII));
            } catch (SafeXml.BadXmlException e) {
                throw new IllegalStateException("a constant parses", e);
            }
        }
        return reply.body();
    }
}
