package io.camaudit.discovery.testbed;

import java.util.List;
import java.util.Set;

/**
 * Devices for the capability audit: as {@link Devices}, and also answering the documents an audit
 * reads (Hikvision ISAPI capability and configuration documents, Dahua configuration tables,
 * ONVIF media profiles and event topics, SSDP), behind HTTP Digest with the read-only account a
 * body would give. Without it, a device answers as it would: a challenge. Some devices here give
 * contradictory, malformed or hostile documents.
 */
public final class AuditedDevices {

    /** The read-only account of the audited Hikvision and Dahua devices (an invented test secret). */
    public static final String USER = "audit";

    public static final String HIKVISION_PASSWORD = "hik-R3ad-0nly";
    public static final String DAHUA_PASSWORD = "dahua-R3ad-0nly";

    private static final String HIK_NS = " xmlns=\"http://www.hikvision.com/ver20/XMLSchema\" version=\"2.0\"";

    private AuditedDevices() {}

    /**
     * A Hikvision camera: face detection present but off, line crossing on, sound recorded, the
     * Hik-Connect platform switched on and registered, UPnP on (it answers SSDP), Telnet and SSH
     * off, the SDK port open, PTZ through ONVIF; firmware V5.5.0 build 170725.
     */
    public static Profile hikvisionCamera() {
        Profile p = Devices.hikvisionCamera();
        p.http.remove("/ISAPI/System/deviceInfo");
        p.httpUser = USER;
        p.httpPassword = HIKVISION_PASSWORD;
        p.httpRealm = "IP Camera(C1234)";
        p.httpServer = "App-webs/";
        Profile.OnvifDevice onvif = p.onvif;
        p.onvif = new Profile.OnvifDevice(
                onvif.manufacturer(),
                onvif.model(),
                onvif.firmware(),
                onvif.serial(),
                onvif.hardwareId(),
                USER,
                HIKVISION_PASSWORD,
                onvif.ptz()); // one read-only account for the web interface and ONVIF
        isapi(
                p,
                "/ISAPI/System/deviceInfo",
                "<DeviceInfo" + HIK_NS + "><deviceName>Car park east</deviceName>"
                        + "<deviceID>88</deviceID><model>DS-2CD2143G0-I</model>"
                        + "<serialNumber>DS-2CD2143G0-I20190101AAWRC12345678</serialNumber><macAddress>44:19:b6:12:34:56"
                        + "</macAddress><firmwareVersion>V5.5.0</firmwareVersion><firmwareReleasedDate>build 170725"
                        + "</firmwareReleasedDate><deviceType>IPCamera</deviceType></DeviceInfo>");
        isapi(
                p,
                "/ISAPI/Smart/capabilities",
                "<SmartCap" + HIK_NS + "><isSupportROI>true</isSupportROI>"
                        + "<isSupportFaceDetect>true</isSupportFaceDetect><isSupportLineDetection>true</isSupportLineDetection>"
                        + "<isSupportFieldDetection>true</isSupportFieldDetection><isSupportAudioDetection>true"
                        + "</isSupportAudioDetection><isSupportPeopleDetection>false</isSupportPeopleDetection></SmartCap>");
        isapi(p, "/ISAPI/Smart/FaceDetect/1", enabled("FaceDetect", false));
        isapi(p, "/ISAPI/Smart/LineDetection/1", enabled("LineDetection", true));
        isapi(p, "/ISAPI/Smart/FieldDetection/1", enabled("FieldDetection", false));
        isapi(
                p,
                "/ISAPI/System/Network/EZVIZ",
                "<EZVIZ" + HIK_NS + "><enabled>true</enabled><registerStatus>true"
                        + "</registerStatus><serverAddress><addressingFormatType>hostname</addressingFormatType><hostName>"
                        + "litedev.hik-connect.com</hostName></serverAddress><verificationCode>(hidden)</verificationCode>"
                        + "<offlineStatus>none</offlineStatus></EZVIZ>");
        isapi(p, "/ISAPI/System/Network/UPnP", enabled("UPnP", true));
        isapi(p, "/ISAPI/System/Network/telnetd", enabled("Telnetd", false));
        isapi(p, "/ISAPI/System/Network/ssh", enabled("SSH", false));
        isapi(
                p,
                "/ISAPI/System/TwoWayAudio/channels",
                "<TwoWayAudioChannelList" + HIK_NS + "><TwoWayAudioChannel>"
                        + "<id>1</id><enabled>false</enabled><audioCompressionType>G.711ulaw</audioCompressionType>"
                        + "</TwoWayAudioChannel></TwoWayAudioChannelList>");
        isapi(
                p,
                "/ISAPI/Streaming/channels/101",
                "<StreamingChannel" + HIK_NS + "><id>101</id><channelName>Camera 01"
                        + "</channelName><enabled>true</enabled><Video><enabled>true</enabled><videoCodecType>H.264"
                        + "</videoCodecType></Video><Audio><enabled>true</enabled><audioInputChannelID>1</audioInputChannelID>"
                        + "<audioCompressionType>G.711ulaw</audioCompressionType></Audio></StreamingChannel>");
        p.ssdpReply =
                "HTTP/1.1 200 OK\r\nCACHE-CONTROL: max-age=1800\r\nEXT:\r\nLOCATION: http://{host}:49152/rootDesc.xml"
                        + "\r\nSERVER: Linux, UPnP/1.0, Portable SDK for UPnP devices/1.6.6\r\nST: upnp:rootdevice\r\n"
                        + "USN: uuid:a1b2c3d4-0000-1000-8000-4419b6123456::upnp:rootdevice\r\n\r\n";
        p.onvifMedia = new Profile.OnvifMedia(
                true,
                false,
                List.of("hikxsd:FaceDetectionEngine"),
                List.of(),
                List.of("RuleEngine/LineDetector/Crossed", "RuleEngine/FieldDetector/ObjectsInside"),
                true);
        return p;
    }

    /** The same camera a month later, its face detection switched on (remotely, say). */
    public static Profile hikvisionCameraFaceDetectionOn() {
        Profile p = hikvisionCamera();
        isapi(p, "/ISAPI/Smart/FaceDetect/1", enabled("FaceDetect", true));
        return p;
    }

    /** The same camera with credentials that differ from the ones an audit is given: every read is refused. */
    public static Profile hikvisionCameraOtherPassword() {
        Profile p = hikvisionCamera();
        p.httpPassword = "someone-else's";
        return p;
    }

    /**
     * A Dahua camera: P2P cloud on, Telnet on (and port 23 open), UPnP off, no sound, a face
     * detection rule switched on and a tripwire off; firmware built 2021-01-15 (before the fix for
     * CVE-2021-33044).
     */
    public static Profile dahuaCamera() {
        Profile p = new Profile("dahua-camera", Set.of(23, 80, 554, 37777));
        p.httpUser = USER;
        p.httpPassword = DAHUA_PASSWORD;
        p.httpRealm = "Login to 6G0123456789ABC";
        p.http.put(
                "/",
                Http.response(
                        200,
                        "OK",
                        "Content-Type: text/html\r\n",
                        "<!DOCTYPE html><html><head><title>WEB SERVICE</title></head><body></body></html>"));
        dahua(p, "/cgi-bin/magicBox.cgi?action=getDeviceType", "type=IPC-HDW3441T-ZAS\r\n");
        dahua(
                p,
                "/cgi-bin/magicBox.cgi?action=getSystemInfo",
                "deviceType=IPC-HDW3441T-ZAS\r\nhardwareVersion=1.00\r\n"
                        + "processor=SSC335\r\nserialNumber=6G0123456789ABC\r\nupdateSerial=IPC-HDW3441T-ZAS\r\n");
        dahua(p, "/cgi-bin/magicBox.cgi?action=getSoftwareVersion", "version=2.800.0000016.0.R,build:2021-01-15\r\n");
        dahua(p, config("T2UServer"), "table.T2UServer.Enable=true\r\ntable.T2UServer.Region=Europe\r\n");
        dahua(p, config("UPnP"), "table.UPnP.Enable=false\r\ntable.UPnP.Mode=0\r\n");
        dahua(p, config("Telnet"), "table.Telnet.Enable=true\r\n");
        dahua(
                p,
                config("Encode"),
                "table.Encode[0].MainFormat[0].AudioEnable=false\r\n"
                        + "table.Encode[0].MainFormat[0].Video.Compression=H.265\r\n");
        dahua(
                p,
                config("VideoAnalyseRule"),
                "table.VideoAnalyseRule[0][0].Enable=false\r\n"
                        + "table.VideoAnalyseRule[0][0].Name=Tripwire\r\ntable.VideoAnalyseRule[0][0].Type=CrossLineDetection\r\n"
                        + "table.VideoAnalyseRule[0][1].Enable=true\r\ntable.VideoAnalyseRule[0][1].Name=Entrance faces\r\n"
                        + "table.VideoAnalyseRule[0][1].Type=FaceDetection\r\n");
        Devices.rtspFor(p, "Rtsp Server/3.0", "Login to 6G0123456789ABC");
        p.dhipJson = Devices.dhipFor(
                "IPC", "IPC-HDW3441T-ZAS", "6G0123456789ABC", "2.800.0000016.0.R", "General", "e0:50:8b:65:43:21");
        return p;
    }

    /** An unbranded ONVIF camera, open: audio streamed in its profile, a line-crossing rule, its event topics. */
    public static Profile onvifAnalyticsCamera() {
        Profile p = Devices.onvifOnlyCamera();
        p.onvifMedia = new Profile.OnvifMedia(
                true,
                true,
                List.of("tt:CellMotionEngine"),
                List.of("tt:LineDetector"),
                List.of("RuleEngine/LineDetector/Crossed", "RuleEngine/CellMotionDetector/Motion"),
                true);
        return p;
    }

    /**
     * A Hikvision camera, open, whose documents disagree and misbehave: capabilities say no face
     * detection while face detection is switched on; the platform document carries a DOCTYPE with
     * nested entities; UPnP's is not well-formed; the stream document is bigger than any reply may
     * be; and the audio document has fifty thousand elements.
     */
    public static Profile hostileHikvision() {
        Profile p = Devices.hikvisionCamera();
        p.http.remove("/ISAPI/System/deviceInfo");
        isapi(
                p,
                "/ISAPI/System/deviceInfo",
                "<DeviceInfo" + HIK_NS + "><model>DS-2CD2132F-I</model>"
                        + "<firmwareVersion>V5.3.0</firmwareVersion><firmwareReleasedDate>build 150513</firmwareReleasedDate>"
                        + "</DeviceInfo>");
        isapi(
                p,
                "/ISAPI/Smart/capabilities",
                "<SmartCap" + HIK_NS + "><isSupportFaceDetect>false</isSupportFaceDetect>" + "</SmartCap>");
        isapi(p, "/ISAPI/Smart/FaceDetect/1", enabled("FaceDetect", true));
        isapi(
                p,
                "/ISAPI/System/Network/EZVIZ",
                "<!DOCTYPE EZVIZ [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;"
                        + "&a;&a;&a;&a;&a;\"><!ENTITY x SYSTEM \"file:///etc/passwd\">]><EZVIZ><enabled>&b;&x;</enabled></EZVIZ>");
        isapi(p, "/ISAPI/System/Network/UPnP", "<UPnP" + HIK_NS + "><enabled>true</UPnP>");
        isapi(
                p,
                "/ISAPI/Streaming/channels/101",
                "<StreamingChannel" + HIK_NS + ">" + "<x>padding</x>".repeat(30_000)
                        + "<Audio><enabled>true</enabled></Audio></StreamingChannel>");
        isapi(
                p,
                "/ISAPI/System/TwoWayAudio/channels",
                "<TwoWayAudioChannelList" + HIK_NS + ">" + "<e/>".repeat(50_000)
                        + "<TwoWayAudioChannel><id>1</id></TwoWayAudioChannel></TwoWayAudioChannelList>");
        return p;
    }

    private static String enabled(String element, boolean on) {
        return "<" + element + HIK_NS + "><id>1</id><enabled>" + on + "</enabled></" + element + ">";
    }

    private static void isapi(Profile p, String path, String xml) {
        p.protectedHttp.put(
                path,
                Http.response(
                        200,
                        "OK",
                        "Server: App-webs/\r\nContent-Type: application/xml; charset=\"UTF-8\"\r\n",
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + xml));
    }

    private static void dahua(Profile p, String path, String body) {
        p.protectedHttp.put(path, Http.response(200, "OK", "Content-Type: text/plain;charset=utf-8\r\n", body));
    }

    private static String config(String name) {
        return "/cgi-bin/configManager.cgi?action=getConfig&name=" + name;
    }
}
