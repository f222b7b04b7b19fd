package io.camaudit.discovery.testbed;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One emulated device on one loopback address: TCP servers on its open ports (HTTP, RTSP, ONVIF
 * SOAP, or a bare accept for binary services) and UDP responders for WS-Discovery, SADP and DHIP,
 * answering in real protocol bytes as its {@link Profile} says. A testing tool: never part of the
 * service. Every connection and datagram is logged in {@link Contacts}, which is how tests prove
 * that a survey touched nothing outside its scope.
 */
public final class EmulatedDevice implements Closeable {

    private final InetAddress address;
    private final Profile profile;
    private final Contacts contacts;
    private final ExecutorService workers;
    private final List<Closeable> sockets = new ArrayList<>();

    EmulatedDevice(InetAddress address, Profile profile, Contacts contacts, ExecutorService workers, boolean multicast)
            throws IOException {
        this.address = address;
        this.profile = profile;
        this.contacts = contacts;
        this.workers = workers;
        try {
            for (int port : profile.openPorts) {
                // HTTPS ports speak TLS where the profile says so (with a self-signed factory certificate).
                ServerSocket server = profile.tls && (port == 443 || port == 8443)
                        ? Tls.context().getServerSocketFactory().createServerSocket()
                        : new ServerSocket();
                server.setReuseAddress(true);
                bind(server, new InetSocketAddress(address, port));
                sockets.add(server);
                workers.execute(() -> accept(server, port));
            }
            DatagramSocket wsd = udp(3702, profile.wsDiscoveryMatch == null ? null : this::wsDiscovery);
            DatagramSocket sadp = udp(37020, profile.sadpMatch == null ? null : this::sadp);
            DatagramSocket dhip = udp(37810, profile.dhipJson == null ? null : this::dhip);
            if (profile.ssdpReply != null) {
                udp(1900, this::ssdp);
            }
            if (multicast) {
                // On a link of its own (a network namespace), the device also answers its groups, as on a real segment.
                listen("239.255.255.250", 3702, wsd, profile.wsDiscoveryMatch == null ? null : this::wsDiscovery);
                listen("239.255.255.250", 37020, sadp, profile.sadpMatch == null ? null : this::sadp);
                listen("239.255.255.251", 37810, dhip, profile.dhipJson == null ? null : this::dhip);
            }
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    public InetAddress address() {
        return address;
    }

    public Profile profile() {
        return profile;
    }

    private interface Responder {
        byte[] reply(byte[] request);
    }

    /** A UDP socket on the port, answering with the responder; with none, listening but silent (for the contact log). */
    /**
     * Binds, waiting up to two seconds while a test bed closed just before still holds the address
     * (its accepted connections close after it: CI once saw "Address already in use" there).
     */
    private static void bind(ServerSocket server, InetSocketAddress where) throws IOException {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (true) {
            try {
                server.bind(where, 50);
                return;
            } catch (java.net.BindException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private DatagramSocket udp(int port, Responder responder) throws IOException {
        DatagramSocket socket = new DatagramSocket(null);
        socket.setReuseAddress(true); // beside the devices' multicast listeners on the same port
        socket.bind(new InetSocketAddress(address, port));
        sockets.add(socket);
        workers.execute(() -> {
            byte[] buffer = new byte[65_535];
            while (!socket.isClosed()) {
                try {
                    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                    socket.receive(packet);
                    contacts.record(address, port, "udp");
                    if (responder != null) {
                        byte[] request = java.util.Arrays.copyOf(packet.getData(), packet.getLength());
                        byte[] reply = responder.reply(request);
                        if (reply != null) {
                            socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
                        }
                    }
                } catch (IOException e) {
                    return;
                }
            }
        });
        return socket;
    }

    /** Joins the group on the device's interface and answers through the device's own socket (so from its address). */
    private void listen(String group, int port, DatagramSocket replyFrom, Responder responder) throws IOException {
        if (responder == null) {
            return;
        }
        java.net.MulticastSocket listener = new java.net.MulticastSocket(port);
        listener.joinGroup(
                new InetSocketAddress(InetAddress.getByName(group), 0),
                java.net.NetworkInterface.getByInetAddress(address));
        sockets.add(listener);
        workers.execute(() -> {
            byte[] buffer = new byte[65_535];
            while (!listener.isClosed()) {
                try {
                    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                    listener.receive(packet);
                    contacts.record(address, port, "multicast");
                    byte[] reply = responder.reply(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                    if (reply != null) {
                        replyFrom.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
                    }
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    private void accept(ServerSocket server, int port) {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                contacts.record(address, port, "tcp");
                workers.execute(() -> serve(socket, port));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket, int port) {
        try (socket) {
            socket.setSoTimeout(5_000);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            if (port == 8000 || port == 37777 || port == 34567) {
                return; // binary SDK services: accepted and closed
            }
            String head = readHead(in);
            if (head == null) {
                return;
            }
            if (profile.hostile != null) {
                Hostility.misbehave(profile.hostile, out);
                return;
            }
            String requestLine = head.split("\r\n", 2)[0];
            byte[] body = requestLine.startsWith("POST ")
                    ? in.readNBytes(Math.min(contentLength(head), 1 << 20))
                    : new byte[0];
            contacts.request(address, port, requestLine, new String(body, StandardCharsets.UTF_8));
            String[] parts = requestLine.split(" ");
            if (parts.length < 3) {
                return;
            }
            boolean rtspPort = port == 554 || port == 8554;
            if (rtspPort && parts[2].startsWith("RTSP")) {
                out.write(rtsp(parts[0], head).getBytes(StandardCharsets.ISO_8859_1));
            } else if (rtspPort) {
                // An RTSP server answers anything else in its own protocol, as a real one does.
                out.write("RTSP/1.0 400 Bad Request\r\nCSeq: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            } else if (!parts[2].startsWith("HTTP/")) {
                out.write(Http.response(400, "Bad Request", "", "").getBytes(StandardCharsets.ISO_8859_1));
            } else if (parts[0].equals("POST") && parts[1].startsWith("/onvif/") && profile.onvif != null) {
                out.write(onvif(new String(body, StandardCharsets.UTF_8)));
            } else if (profile.protectedHttp.containsKey(parts[1])) {
                boolean allowed =
                        Digest.valid(head, parts[0], profile.httpUser, profile.httpPassword, profile.httpRealm);
                out.write((allowed
                                ? profile.protectedHttp.get(parts[1])
                                : Digest.challenge(profile.httpServer, profile.httpRealm))
                        .getBytes(StandardCharsets.UTF_8));
            } else {
                String response = profile.http.getOrDefault(parts[1], profile.httpDefault);
                out.write((response == null ? Http.notFound() : response).getBytes(StandardCharsets.UTF_8));
            }
            out.flush();
        } catch (IOException e) {
            // the scanner hung up; nothing to do
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (head.size() < 65_536) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private static int contentLength(String head) {
        Matcher m = Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(head);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private String rtsp(String method, String head) {
        Matcher cseq = Pattern.compile("(?im)^cseq:\\s*(\\d+)").matcher(head);
        String seq = cseq.find() ? cseq.group(1) : "0";
        String template = profile.rtsp.getOrDefault(method, "RTSP/1.0 405 Method Not Allowed\r\nCSeq: {cseq}\r\n\r\n");
        return template.replace("{cseq}", seq);
    }

    private byte[] onvif(String body) {
        Profile.OnvifDevice device = profile.onvif;
        String operation = Onvif.operation(body);
        if (!operation.equals("GetSystemDateAndTime") && device.username() != null && !authorised(body, device)) {
            return Http.soap(400, Onvif.fault("ter:NotAuthorized", "Sender not Authorized"));
        }
        String answer = switch (operation) {
            case "GetSystemDateAndTime" -> Onvif.dateAndTime(ZonedDateTime.now(ZoneOffset.UTC));
            case "GetDeviceInformation" -> Onvif.deviceInformation(device);
            case "GetServices" -> Onvif.services(address.getHostAddress(), device.ptz());
            case "GetCapabilities" -> Onvif.capabilities(address.getHostAddress(), device.ptz(), profile.onvifMedia);
            case "GetProfiles" -> profile.onvifMedia == null ? null : Onvif.profiles(profile.onvifMedia, device.ptz());
            case "GetAudioSources" -> profile.onvifMedia == null ? null : Onvif.audioSources(profile.onvifMedia);
            case "GetEventProperties" -> profile.onvifMedia == null ? null : Onvif.eventProperties(profile.onvifMedia);
            default -> null;
        };
        return answer == null
                ? Http.soap(400, Onvif.fault("ter:ActionNotSupported", "Unknown action"))
                : Http.soap(200, answer);
    }

    /** Checks a WS-UsernameToken PasswordDigest as a device does. */
    private static boolean authorised(String body, Profile.OnvifDevice device) {
        Matcher user = Pattern.compile("<wsse:Username>([^<]*)</wsse:Username>").matcher(body);
        Matcher password =
                Pattern.compile("<wsse:Password[^>]*>([^<]*)</wsse:Password>").matcher(body);
        Matcher nonce = Pattern.compile("<wsse:Nonce[^>]*>([^<]*)</wsse:Nonce>").matcher(body);
        Matcher created = Pattern.compile("<wsu:Created>([^<]*)</wsu:Created>").matcher(body);
        if (!user.find() || !password.find() || !nonce.find() || !created.find()) {
            return false;
        }
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(Base64.getDecoder().decode(nonce.group(1)));
            sha1.update(created.group(1).getBytes(StandardCharsets.UTF_8));
            sha1.update(device.password().getBytes(StandardCharsets.UTF_8));
            String expected = Base64.getEncoder().encodeToString(sha1.digest());
            return user.group(1).equals(device.username()) && expected.equals(password.group(1));
        } catch (Exception e) {
            return false;
        }
    }

    private byte[] wsDiscovery(byte[] request) {
        String text = new String(request, StandardCharsets.UTF_8);
        if (!text.contains("Probe")) {
            return null;
        }
        Matcher id = Pattern.compile("MessageID>([^<]+)<").matcher(text);
        return Onvif.probeMatches(id.find() ? id.group(1) : "uuid:unknown", profile.wsDiscoveryMatch)
                .getBytes(StandardCharsets.UTF_8);
    }

    private byte[] ssdp(byte[] request) {
        String text = new String(request, StandardCharsets.US_ASCII);
        return text.startsWith("M-SEARCH") ? profile.ssdpReply.getBytes(StandardCharsets.US_ASCII) : null;
    }

    private byte[] sadp(byte[] request) {
        String text = new String(request, StandardCharsets.UTF_8);
        Matcher uuid = Pattern.compile("<Uuid>([^<]+)</Uuid>").matcher(text);
        if (!text.contains("<Types>inquiry</Types>") || !uuid.find()) {
            return null;
        }
        return profile.sadpMatch.replace("{uuid}", uuid.group(1)).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] dhip(byte[] request) {
        if (request.length < 32 || !new String(request, 4, 4, StandardCharsets.US_ASCII).equals("DHIP")) {
            return null;
        }
        String text = new String(request, 32, request.length - 32, StandardCharsets.UTF_8);
        if (!text.toLowerCase(Locale.ROOT).contains("dhdiscover.search")) {
            return null;
        }
        return Dhip.packet(profile.dhipJson);
    }

    @Override
    public void close() {
        for (Closeable socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing is best effort
            }
        }
    }
}
