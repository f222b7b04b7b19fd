package io.camaudit.discovery.testbed;

import java.util.Set;

/**
 * The kinds of device the test bed emulates, each answering as the real product family does in
 * its documented protocols: a Hikvision camera, a Dahua recorder, a HiLook camera (Hikvision's
 * brand, on Hikvision firmware), an Amcrest camera (relabelled Dahua), an Axis camera, a Hanwha
 * camera, an ONVIF-only camera, a printer, a plain web server and a bare embedded web server.
 * Values (models, serials, MACs in the makers' IEEE blocks) are invented but well-formed.
 */
public final class Devices {

    private Devices() {}

    /** What a survey should conclude about a device: its maker (or null) and whether it is a video device. */
    public record Expected(String profile, String maker, boolean video, String model) {}

    public static Profile hikvisionCamera() {
        Profile p = new Profile("hikvision-camera", Set.of(80, 443, 554, 8000));
        p.tls = true;
        p.http.put(
                "/",
                Http.response(302, "Found", "Server: App-webs/\r\nLocation: /doc/page/login.asp?_1700000000\r\n", ""));
        p.http.put("/ISAPI/System/deviceInfo", Http.digest("App-webs/", "IP Camera(C1234)"));
        p.http.put(
                "/favicon.ico",
                Http.response(200, "OK", "Server: App-webs/\r\nContent-Type: image/x-icon\r\n", "hik-icon"));
        p.httpDefault = Http.response(404, "Not Found", "Server: App-webs/\r\n", "");
        rtsp(p, null, "IP Camera(C1234)");
        p.onvif = new Profile.OnvifDevice(
                "HIKVISION",
                "DS-2CD2143G0-I",
                "V5.5.0 build 170725",
                "DS-2CD2143G0-I20190101AAWRC12345678",
                "88",
                "survey",
                "s3cret-Pa55",
                true);
        p.wsDiscoveryMatch =
                wsd("http://{host}/onvif/device_service", "hardware/DS-2CD2143G0-I", "name/HIKVISION%20DS-2CD2143G0-I");
        p.sadpMatch = sadp(
                "DS-2CD2143G0-I", "DS-2CD2143G0-I20190101AAWRC12345678", "44-19-b6-12-34-56", "V5.5.0build 170725");
        return p;
    }

    public static Profile dahuaRecorder() {
        Profile p = new Profile("dahua-recorder", Set.of(80, 554, 37777));
        p.http.put(
                "/",
                Http.response(
                        200,
                        "OK",
                        "Content-Type: text/html\r\n",
                        "<!DOCTYPE html><html><head><title>WEB SERVICE</title></head><body><div id=\"login\"></div></body></html>"));
        p.http.put("/cgi-bin/magicBox.cgi?action=getDeviceType", Http.digest(null, "Login to 5J0123456789ABC"));
        p.http.put("/cgi-bin/magicBox.cgi?action=getSystemInfo", Http.digest(null, "Login to 5J0123456789ABC"));
        rtsp(p, "Rtsp Server/3.0", "Login to 5J0123456789ABC");
        p.dhipJson = dhip(
                "NVR", "DHI-NVR4208-8P-4KS2", "5J0123456789ABC", "4.001.0000000.3.R", "Dahua", "e0:50:8b:12:34:56");
        return p;
    }

    public static Profile hilookCamera() {
        Profile p = new Profile("hilook-camera", Set.of(80, 554, 8000));
        p.http.put(
                "/",
                Http.response(302, "Found", "Server: App-webs/\r\nLocation: /doc/page/login.asp?_1700000001\r\n", ""));
        p.httpDefault = Http.digest("App-webs/", "IP Camera(K9876)");
        rtsp(p, null, "IP Camera(K9876)");
        p.onvif = new Profile.OnvifDevice(
                "HiLook",
                "IPC-B140H",
                "V5.7.3 build 220112",
                "IPC-B140H20220101AAWRK98765432",
                "88",
                null,
                null,
                false);
        p.wsDiscoveryMatch = wsd("http://{host}/onvif/device_service", "hardware/IPC-B140H", "name/HiLook");
        p.sadpMatch = sadp("IPC-B140H", "IPC-B140H20220101AAWRK98765432", "44-47-cc-98-76-54", "V5.7.3build 220112");
        return p;
    }

    public static Profile amcrestCamera() {
        Profile p = new Profile("amcrest-camera", Set.of(80, 554, 37777));
        p.http.put(
                "/",
                Http.response(
                        200,
                        "OK",
                        "Content-Type: text/html\r\n",
                        "<html><head><title>WEB SERVICE</title></head><body></body></html>"));
        p.http.put(
                "/cgi-bin/magicBox.cgi?action=getDeviceType",
                Http.response(200, "OK", "Content-Type: text/plain\r\n", "type=IP2M-841B\r\n"));
        p.http.put(
                "/cgi-bin/magicBox.cgi?action=getSystemInfo",
                Http.response(
                        200,
                        "OK",
                        "Content-Type: text/plain\r\n",
                        "deviceType=IP2M-841B\r\nhardwareVersion=1.00\r\nprocessor=S2L55M\r\nserialNumber=AMC0123456789ABCD\r\n"
                                + "updateSerial=IPC-AW12W\r\n"));
        rtsp(p, "Rtsp Server/2.0", "Login to AMC0123456789ABCD");
        p.onvif = new Profile.OnvifDevice(
                "Amcrest", "IP2M-841B", "2.420.AC00.18.R", "AMC0123456789ABCD", "1.00", null, null, true);
        p.dhipJson = dhip("IPC", "IP2M-841B", "AMC0123456789ABCD", "2.420.AC00.18.R", "Amcrest", "9c:8e:cd:12:34:56");
        return p;
    }

    public static Profile axisCamera() {
        Profile p = new Profile("axis-camera", Set.of(80, 554));
        p.httpDefault = Http.response(
                401,
                "Unauthorized",
                "Server: Apache\r\nWWW-Authenticate: Digest realm=\"AXIS_B8A44F123456\", nonce=\"abc\", algorithm=MD5, qop=\"auth\"\r\n",
                "<html><head><title>401 Unauthorized</title></head></html>");
        p.http.put("/", Http.response(302, "Found", "Server: Apache\r\nLocation: /camera/index.html\r\n", ""));
        rtsp(p, "GStreamer RTSP server", "AXIS_B8A44F123456");
        p.onvif = new Profile.OnvifDevice(
                "AXIS", "P3245-LVE", "10.12.114", "B8A44F123456", "7A1.3", "survey", "axis-Pa55", false);
        p.wsDiscoveryMatch = wsd("http://{host}/onvif/device_service", "hardware/P3245-LVE", "name/AXIS%20P3245-LVE");
        return p;
    }

    public static Profile hanwhaCamera() {
        Profile p = new Profile("hanwha-camera", Set.of(80, 554));
        p.http.put(
                "/",
                Http.response(
                        200,
                        "OK",
                        "Server: nginx\r\nContent-Type: text/html\r\n",
                        "<html><head><title>Web Viewer</title></head></html>"));
        rtsp(p, null, "iPOLiS");
        p.onvif = new Profile.OnvifDevice(
                "Hanwha Vision", "XNV-6080R", "2.21.02", "ZNA5700123", "XNV-6080R", null, null, false);
        p.wsDiscoveryMatch = wsd("http://{host}/onvif/device_service", "hardware/XNV-6080R", "name/Hanwha%20Vision");
        return p;
    }

    /** A camera that speaks only ONVIF on port 80 (an unbranded OEM module); its maker is not known. */
    public static Profile onvifOnlyCamera() {
        Profile p = new Profile("onvif-only-camera", Set.of(80));
        p.httpDefault = Http.response(404, "Not Found", "", "");
        p.onvif = new Profile.OnvifDevice("IPCAM", "C6F0SgZ3N0PfL2", "V2.1.3", "0012345", "1.0", null, null, false);
        p.wsDiscoveryMatch = wsd("http://{host}/onvif/device_service", "hardware/C6F0SgZ3N0PfL2", "name/IPCAM");
        return p;
    }

    public static Profile printer() {
        Profile p = new Profile("printer", Set.of(80, 443));
        p.http.put(
                "/",
                Http.response(
                        200,
                        "OK",
                        "Server: HP HTTP Server; HP LaserJet Pro M404dn - W1A53A; Serial Number: PHB1234567\r\n"
                                + "Content-Type: text/html\r\n",
                        "<html><head><title>HP LaserJet Pro M404dn</title></head></html>"));
        p.wsDiscoveryMatch = "<d:Types>wprt:PrintDeviceType</d:Types><d:XAddrs>http://{host}:3911/</d:XAddrs>";
        return p;
    }

    public static Profile plainWebServer() {
        Profile p = new Profile("web-server", Set.of(80, 8080));
        p.httpDefault = Http.response(
                200,
                "OK",
                "Server: nginx/1.22.1\r\nContent-Type: text/html\r\n",
                "<!DOCTYPE html><html><head><title>Welcome to nginx!</title></head><body></body></html>");
        return p;
    }

    /** An embedded web server of the kind many makers use: on its own it proves nothing. */
    public static Profile bareEmbeddedServer() {
        Profile p = new Profile("goahead-box", Set.of(80));
        p.httpDefault = Http.response(
                200,
                "OK",
                "Server: GoAhead-Webs\r\nContent-Type: text/html\r\n",
                "<html><head><title>Login</title></head></html>");
        return p;
    }

    public static Profile hostile(Profile.Hostile how, int... ports) {
        Set<Integer> open = new java.util.HashSet<>();
        for (int port : ports) {
            open.add(port);
        }
        Profile p = new Profile("hostile-" + how.name().toLowerCase(java.util.Locale.ROOT), open);
        p.hostile = how;
        return p;
    }

    /**
     * A device whose discovery replies are hostile: a SADP reply with a DOCTYPE of nested entities
     * (and an external one), a WS-Discovery reply that is not XML, and a DHIP reply nested a
     * thousand deep whose header also overstates its length.
     */
    public static Profile hostileDiscovery() {
        Profile p = new Profile("hostile-discovery", Set.of(80));
        p.httpDefault = Http.response(200, "OK", "Server: App-webs/\r\n", "");
        p.sadpMatch = "<?xml version=\"1.0\"?><!DOCTYPE ProbeMatch [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
                + "<!ENTITY x SYSTEM \"file:///etc/passwd\">]><ProbeMatch><Uuid>{uuid}</Uuid>"
                + "<DeviceDescription>&c;&x;</DeviceDescription></ProbeMatch>";
        p.wsDiscoveryMatch =
                "<d:Types>dn:NetworkVideoTransmitter</d:Types><d:Scopes>onvif://www.onvif.org/name/X</d:Scopes><<<";
        p.dhipJson = "{\"params\":" + "[".repeat(1_000) + "]".repeat(1_000) + "}";
        return p;
    }

    static void rtspFor(Profile p, String server, String realm) {
        rtsp(p, server, realm);
    }

    static String dhipFor(String deviceClass, String type, String serial, String version, String vendor, String mac) {
        return dhip(deviceClass, type, serial, version, vendor, mac);
    }

    private static void rtsp(Profile p, String server, String realm) {
        String serverLine = server == null ? "" : "Server: " + server + "\r\n";
        p.rtsp.put(
                "OPTIONS",
                "RTSP/1.0 200 OK\r\nCSeq: {cseq}\r\n" + serverLine
                        + "Public: OPTIONS, DESCRIBE, PLAY, PAUSE, SETUP, TEARDOWN, SET_PARAMETER, GET_PARAMETER\r\n\r\n");
        p.rtsp.put(
                "DESCRIBE",
                "RTSP/1.0 401 Unauthorized\r\nCSeq: {cseq}\r\n" + serverLine + "WWW-Authenticate: Digest realm=\""
                        + realm + "\", nonce=\"0d6a1e2f\", stale=\"FALSE\"\r\n\r\n");
    }

    private static String wsd(String xaddr, String hardware, String name) {
        return "<d:Types>dn:NetworkVideoTransmitter tds:Device</d:Types><d:Scopes>onvif://www.onvif.org/type/video_encoder"
                + " onvif://www.onvif.org/Profile/Streaming onvif://www.onvif.org/" + hardware
                + " onvif://www.onvif.org/"
                + name + " onvif://www.onvif.org/location/city/london</d:Scopes><d:XAddrs>" + xaddr + "</d:XAddrs>";
    }

    private static String sadp(String model, String serial, String mac, String firmware) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ProbeMatch><Uuid>{uuid}</Uuid><Types>inquiry</Types>"
                + "<DeviceType>138</DeviceType><DeviceDescription>" + model + "</DeviceDescription><DeviceSN>" + serial
                + "</DeviceSN><CommandPort>8000</CommandPort><HttpPort>80</HttpPort><MAC>" + mac + "</MAC>"
                + "<IPv4Address>{host}</IPv4Address><IPv4SubnetMask>255.255.255.0</IPv4SubnetMask><DHCP>false</DHCP>"
                + "<AnalogChannelNum>0</AnalogChannelNum><DigitalChannelNum>1</DigitalChannelNum><SoftwareVersion>"
                + firmware
                + "</SoftwareVersion><DSPVersion>V7.3 build 170627</DSPVersion><BootTime>2024-01-01 00:00:00</BootTime>"
                + "<Encrypt>true</Encrypt><ResetAbility>false</ResetAbility><DiskNumber>0</DiskNumber>"
                + "<Activated>true</Activated><PasswordResetAbility>true</PasswordResetAbility></ProbeMatch>";
    }

    private static String dhip(
            String deviceClass, String type, String serial, String version, String vendor, String mac) {
        return "{\"mac\":\"" + mac + "\",\"method\":\"client.notifyDevInfo\",\"params\":{\"deviceInfo\":{"
                + "\"AlarmInputChannels\":0,\"DeviceClass\":\"" + deviceClass + "\",\"DeviceType\":\"" + type + "\","
                + "\"HttpPort\":80,\"IPv4Address\":{\"DefaultGateway\":\"\",\"DhcpEnable\":false,\"IPAddress\":\"{host}\","
                + "\"SubnetMask\":\"255.255.255.0\"},\"MachineName\":\"" + serial + "\",\"Port\":37777,"
                + "\"SerialNo\":\"" + serial + "\",\"Vendor\":\"" + vendor + "\",\"Version\":\"" + version + "\"}}}";
    }
}
