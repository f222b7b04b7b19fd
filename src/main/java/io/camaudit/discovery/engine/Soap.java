package io.camaudit.discovery.engine;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

/**
 * One ONVIF SOAP 1.2 call over {@link DeviceHttp}: the envelope, the optional WS-Security header,
 * and the reply's Body parsed by {@link SafeXml} (no DOCTYPE, bounded). Used by the survey's
 * device-service probe and by the capability audit's media, analytics and event calls.
 */
public final class Soap {

    /** The reply's Body, whether the device asked for credentials, or why nothing could be read. */
    public record Reply(
            @Nullable Element body,
            boolean unauthorised,
            @Nullable String error) {

        /** A Body that holds a SOAP Fault (other than the authorisation fault). */
        public boolean fault() {
            return body != null && SafeXml.find(body, "Fault") != null;
        }

        /** A Body with an answer in it: neither missing nor a fault. */
        public boolean answered() {
            return body != null && !unauthorised && !fault();
        }
    }

    private Soap() {}

    public static Reply call(
            DeviceHttp http,
            InetAddress address,
            int port,
            String path,
            String namespace,
            String operation,
            String arguments,
            @Nullable String security)
            throws InterruptedException {
        String envelope = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\"http://www.w3.org/2003/05/"
                + "soap-envelope\" xmlns:tt=\"http://www.onvif.org/ver10/schema\" xmlns:op=\"" + namespace
                + "\"><s:Header>" + (security == null ? "" : security) + "</s:Header><s:Body><op:" + operation + ">"
                + arguments + "</op:" + operation + "></s:Body></s:Envelope>";
        DeviceHttp.Exchange exchange = http.send(
                address,
                port,
                false,
                "POST",
                path,
                Map.of(
                        "Content-Type",
                        "application/soap+xml; charset=utf-8; action=\"" + namespace + "/" + operation + "\""),
                envelope.getBytes(StandardCharsets.UTF_8));
        TextReply reply = exchange.reply();
        if (reply == null) {
            return new Reply(null, false, exchange.error() == null ? null : operation + ": " + exchange.error());
        }
        if (reply.status() == 401) {
            return new Reply(null, true, null);
        }
        if (reply.truncated() || reply.body().length == 0) {
            return new Reply(
                    null, false, reply.truncated() ? operation + ": the reply was cut off at the limit" : null);
        }
        try {
            Element root = SafeXml.parse(reply.body());
            if (!"Envelope".equals(root.getLocalName())) {
                return new Reply(null, false, operation + ": the reply is XML but not a SOAP envelope");
            }
            Element body = SafeXml.find(root, "Body");
            Element fault = body == null ? null : SafeXml.find(body, "Fault");
            boolean unauthorised = fault != null && fault.getTextContent().contains("NotAuthorized");
            return new Reply(unauthorised ? null : body, unauthorised, null);
        } catch (SafeXml.BadXmlException e) {
            return new Reply(null, false, operation + ": " + e.getMessage());
        }
    }

    /** The WS-Security UsernameToken digest header for these credentials at the device's clock. */
    public static String security(OnvifCredentials credentials, Duration skew) {
        return OnvifProbe.token(credentials, skew);
    }
}
