package io.camaudit.discovery.testbed;

import java.time.ZonedDateTime;

/** ONVIF SOAP 1.2 replies and WS-Discovery ProbeMatches in the shape devices send them. */
final class Onvif {

    private static final String OPEN = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><env:Envelope"
            + " xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\""
            + " xmlns:tt=\"http://www.onvif.org/ver10/schema\" xmlns:ter=\"http://www.onvif.org/ver10/error\"><env:Body>";
    private static final String CLOSE = "</env:Body></env:Envelope>";

    private Onvif() {}

    static String dateAndTime(ZonedDateTime utc) {
        return OPEN + "<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime><tt:DateTimeType>NTP</tt:DateTimeType>"
                + "<tt:DaylightSavings>false</tt:DaylightSavings><tt:TimeZone><tt:TZ>GMT0</tt:TZ></tt:TimeZone>"
                + "<tt:UTCDateTime><tt:Time><tt:Hour>" + utc.getHour() + "</tt:Hour><tt:Minute>" + utc.getMinute()
                + "</tt:Minute><tt:Second>" + utc.getSecond() + "</tt:Second></tt:Time><tt:Date><tt:Year>"
                + utc.getYear()
                + "</tt:Year><tt:Month>" + utc.getMonthValue() + "</tt:Month><tt:Day>" + utc.getDayOfMonth()
                + "</tt:Day></tt:Date></tt:UTCDateTime></tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>"
                + CLOSE;
    }

    static String deviceInformation(Profile.OnvifDevice device) {
        return OPEN + "<tds:GetDeviceInformationResponse><tds:Manufacturer>" + device.manufacturer()
                + "</tds:Manufacturer><tds:Model>" + device.model() + "</tds:Model><tds:FirmwareVersion>"
                + device.firmware() + "</tds:FirmwareVersion><tds:SerialNumber>" + device.serial()
                + "</tds:SerialNumber><tds:HardwareId>" + device.hardwareId()
                + "</tds:HardwareId></tds:GetDeviceInformationResponse>" + CLOSE;
    }

    static String services(String host, boolean ptz) {
        String base = "http://" + host + "/onvif/";
        return OPEN + "<tds:GetServicesResponse>"
                + service("http://www.onvif.org/ver10/device/wsdl", base + "device_service")
                + service("http://www.onvif.org/ver10/media/wsdl", base + "Media")
                + service("http://www.onvif.org/ver10/events/wsdl", base + "Events")
                + (ptz ? service("http://www.onvif.org/ver20/ptz/wsdl", base + "PTZ") : "")
                + "</tds:GetServicesResponse>" + CLOSE;
    }

    private static String service(String namespace, String address) {
        return "<tds:Service><tds:Namespace>" + namespace + "</tds:Namespace><tds:XAddr>" + address
                + "</tds:XAddr><tds:Version><tt:Major>2</tt:Major><tt:Minor>60</tt:Minor></tds:Version></tds:Service>";
    }

    static String operation(String body) {
        for (String operation : java.util.List.of(
                "GetSystemDateAndTime",
                "GetDeviceInformation",
                "GetServices",
                "GetCapabilities",
                "GetProfiles",
                "GetAudioSources",
                "GetEventProperties")) {
            if (body.contains(operation)) {
                return operation;
            }
        }
        return "Unknown";
    }

    static String capabilities(String host, boolean ptz, Profile.OnvifMedia media) {
        String base = "http://" + host + "/onvif/";
        String analytics = media != null && media.analytics()
                ? "<tt:Analytics><tt:XAddr>" + base + "Analytics</tt:XAddr><tt:RuleSupport>true</tt:RuleSupport>"
                        + "<tt:AnalyticsModuleSupport>true</tt:AnalyticsModuleSupport></tt:Analytics>"
                : "";
        return OPEN + "<tds:GetCapabilitiesResponse><tds:Capabilities>" + analytics + "<tt:Device><tt:XAddr>" + base
                + "device_service</tt:XAddr></tt:Device><tt:Events><tt:XAddr>" + base + "Events</tt:XAddr></tt:Events>"
                + "<tt:Media><tt:XAddr>" + base + "Media</tt:XAddr></tt:Media>"
                + (ptz ? "<tt:PTZ><tt:XAddr>" + base + "PTZ</tt:XAddr></tt:PTZ>" : "")
                + "</tds:Capabilities></tds:GetCapabilitiesResponse>" + CLOSE;
    }

    /** One media profile with video, optional audio and PTZ, and the video analytics configuration's modules and rules. */
    static String profiles(Profile.OnvifMedia media, boolean ptz) {
        StringBuilder analytics = new StringBuilder();
        if (!media.modules().isEmpty() || !media.rules().isEmpty()) {
            analytics.append("<tt:VideoAnalyticsConfiguration token=\"VideoAnalyticsToken\"><tt:Name>VA</tt:Name>"
                    + "<tt:UseCount>1</tt:UseCount><tt:AnalyticsEngineConfiguration>");
            for (String module : media.modules()) {
                analytics
                        .append("<tt:AnalyticsModule Name=\"")
                        .append(module)
                        .append("\" Type=\"")
                        .append(module)
                        .append("\"><tt:Parameters/></tt:AnalyticsModule>");
            }
            analytics.append("</tt:AnalyticsEngineConfiguration><tt:RuleEngineConfiguration>");
            for (String rule : media.rules()) {
                analytics
                        .append("<tt:Rule Name=\"Rule-")
                        .append(rule.replace(':', '-'))
                        .append("\" Type=\"")
                        .append(rule)
                        .append("\"><tt:Parameters/></tt:Rule>");
            }
            analytics.append("</tt:RuleEngineConfiguration></tt:VideoAnalyticsConfiguration>");
        }
        return OPEN.replace(
                        "xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\"",
                        "xmlns:trt=\"http://www.onvif.org/ver10/media/wsdl\"")
                + "<trt:GetProfilesResponse><trt:Profiles token=\"Profile_1\" fixed=\"true\"><tt:Name>mainStream</tt:Name>"
                + "<tt:VideoSourceConfiguration token=\"VideoSourceToken\"><tt:Name>VideoSourceConfig</tt:Name>"
                + "<tt:UseCount>1</tt:UseCount><tt:SourceToken>VideoSource_1</tt:SourceToken>"
                + "<tt:Bounds x=\"0\" y=\"0\" width=\"2560\" height=\"1440\"/></tt:VideoSourceConfiguration>"
                + (media.audioSource()
                        ? "<tt:AudioSourceConfiguration token=\"AudioSourceConfigToken\"><tt:Name>AudioSourceConfig</tt:Name>"
                                + "<tt:UseCount>1</tt:UseCount><tt:SourceToken>AudioSourceChannel</tt:SourceToken>"
                                + "</tt:AudioSourceConfiguration>"
                        : "")
                + "<tt:VideoEncoderConfiguration token=\"VideoEncoderToken_1\"><tt:Name>VideoEncoder_1</tt:Name>"
                + "<tt:UseCount>1</tt:UseCount><tt:Encoding>H264</tt:Encoding></tt:VideoEncoderConfiguration>"
                + (media.audioEncoder()
                        ? "<tt:AudioEncoderConfiguration token=\"MainAudioEncoderToken\"><tt:Name>AudioEncoderConfig</tt:Name>"
                                + "<tt:UseCount>1</tt:UseCount><tt:Encoding>G711</tt:Encoding><tt:Bitrate>64</tt:Bitrate>"
                                + "<tt:SampleRate>8</tt:SampleRate></tt:AudioEncoderConfiguration>"
                        : "")
                + analytics
                + (ptz
                        ? "<tt:PTZConfiguration token=\"PTZToken\"><tt:Name>PTZ</tt:Name><tt:UseCount>1</tt:UseCount>"
                                + "<tt:NodeToken>PTZNODETOKEN</tt:NodeToken></tt:PTZConfiguration>"
                        : "")
                + "</trt:Profiles></trt:GetProfilesResponse>" + CLOSE;
    }

    static String audioSources(Profile.OnvifMedia media) {
        return OPEN.replace(
                        "xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\"",
                        "xmlns:trt=\"http://www.onvif.org/ver10/media/wsdl\"")
                + "<trt:GetAudioSourcesResponse>"
                + (media.audioSource()
                        ? "<trt:AudioSources token=\"AudioSourceChannel\"><tt:Channels>1</tt:Channels></trt:AudioSources>"
                        : "")
                + "</trt:GetAudioSourcesResponse>" + CLOSE;
    }

    /** The TopicSet, each topic a path of elements (RuleEngine/LineDetector/Crossed) marked as a topic at its leaf. */
    static String eventProperties(Profile.OnvifMedia media) {
        StringBuilder topics = new StringBuilder();
        for (String topic : media.topics()) {
            String[] parts = topic.split("/");
            for (int i = 0; i < parts.length; i++) {
                String prefix = i == 0 ? "tns1:" : "";
                topics.append('<').append(prefix).append(parts[i]);
                topics.append(i == parts.length - 1 ? " wstop:topic=\"true\">" : ">");
            }
            for (int i = parts.length - 1; i >= 0; i--) {
                topics.append("</")
                        .append(i == 0 ? "tns1:" : "")
                        .append(parts[i])
                        .append('>');
            }
        }
        return OPEN.replace(
                        "xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\"",
                        "xmlns:tev=\"http://www.onvif.org/ver10/events/wsdl\" xmlns:tns1=\"http://www.onvif.org/ver10/topics\""
                                + " xmlns:wstop=\"http://docs.oasis-open.org/wsn/t-1\"")
                + "<tev:GetEventPropertiesResponse><tev:TopicNamespaceLocation>"
                + "http://www.onvif.org/onvif/ver10/topics/topicns.xml</tev:TopicNamespaceLocation>"
                + "<wsnt:FixedTopicSet xmlns:wsnt=\"http://docs.oasis-open.org/wsn/b-2\">true</wsnt:FixedTopicSet>"
                + "<wstop:TopicSet>" + topics + "</wstop:TopicSet></tev:GetEventPropertiesResponse>" + CLOSE;
    }

    static String fault(String subcode, String reason) {
        return OPEN + "<env:Fault><env:Code><env:Value>env:Sender</env:Value><env:Subcode><env:Value>" + subcode
                + "</env:Value></env:Subcode></env:Code><env:Reason><env:Text xml:lang=\"en\">" + reason
                + "</env:Text></env:Reason></env:Fault>" + CLOSE;
    }

    /** A ProbeMatches answering the probe's MessageID; {@code match} holds the Types, Scopes and XAddrs. */
    static String probeMatches(String relatesTo, String match) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><SOAP-ENV:Envelope"
                + " xmlns:SOAP-ENV=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:wsa=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\""
                + " xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\""
                + " xmlns:dn=\"http://www.onvif.org/ver10/network/wsdl\" xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\""
                + " xmlns:wprt=\"http://schemas.microsoft.com/windows/2006/08/wdp/print\"><SOAP-ENV:Header>"
                + "<wsa:MessageID>uuid:" + java.util.UUID.randomUUID() + "</wsa:MessageID><wsa:RelatesTo>" + relatesTo
                + "</wsa:RelatesTo><wsa:To>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</wsa:To>"
                + "<wsa:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/ProbeMatches</wsa:Action></SOAP-ENV:Header>"
                + "<SOAP-ENV:Body><d:ProbeMatches><d:ProbeMatch><wsa:EndpointReference><wsa:Address>urn:uuid:"
                + java.util.UUID.randomUUID() + "</wsa:Address></wsa:EndpointReference>" + match
                + "<d:MetadataVersion>10</d:MetadataVersion></d:ProbeMatch></d:ProbeMatches></SOAP-ENV:Body>"
                + "</SOAP-ENV:Envelope>";
    }
}
