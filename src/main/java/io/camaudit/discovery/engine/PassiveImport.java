package io.camaudit.discovery.engine;

import java.io.ByteArrayInputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Reads what a network already knows, without sending a packet: nmap's XML output, ARP and
 * neighbour tables (Linux {@code ip neigh} and {@code /proc/net/arp}, Windows {@code arp -a},
 * Cisco {@code show ip arp}), DHCP leases (ISC dhcpd's {@code dhcpd.leases} and dnsmasq's lease
 * file), switch MAC address tables as CSV, and plain lists of MAC addresses. The format is
 * recognised from the content. Files are bounded (20 MB, 500,000 lines), must be UTF-8 text, and
 * every problem names its line.
 */
public final class PassiveImport {

    public static final int MAX_BYTES = 20 * 1024 * 1024;
    public static final int MAX_LINES = 500_000;

    static final Pattern IPV4 = Pattern.compile(
            "(?<![\\d.])((?:25[0-5]|2[0-4]\\d|1?\\d?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)){3})(?![\\d.])");
    static final Pattern MAC = Pattern.compile(
            "(?<![0-9A-Fa-f:.-])([0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\\2[0-9A-Fa-f]{2}){4}|[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4})(?![0-9A-Fa-f:.-])");

    /** What a file held: its format, its hosts, and the lines that could not be read. */
    public record Result(String format, List<PassiveHost> hosts, List<String> problems) {}

    /** A file that cannot be read at all; the message says why and where. */
    public static final class BadFileException extends Exception {
        public BadFileException(String message) {
            super(message);
        }
    }

    private PassiveImport() {}

    public static Result read(String fileName, byte[] content) throws BadFileException {
        if (content.length > MAX_BYTES) {
            throw new BadFileException(fileName + " is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BadFileException(fileName + " is not UTF-8 text");
        }
        if (text.indexOf('\0') >= 0) {
            throw new BadFileException(fileName + " is binary, not a text export");
        }
        String head = text.stripLeading();
        if (head.startsWith("<?xml") || head.startsWith("<nmaprun") || head.startsWith("<!DOCTYPE nmaprun")) {
            return nmap(fileName, content);
        }
        String[] lines = text.split("\r?\n", -1);
        if (lines.length > MAX_LINES) {
            throw new BadFileException(fileName + " has more than " + MAX_LINES + " lines");
        }
        if (Pattern.compile("(?m)^\\s*lease\\s+\\S+\\s*\\{").matcher(text).find()) {
            return iscLeases(fileName, lines);
        }
        if (lines.length > 0 && lines[0].toLowerCase(Locale.ROOT).contains("mac") && lines[0].contains(",")) {
            return macTable(fileName, lines);
        }
        return lineByLine(fileName, lines);
    }

    // -- nmap XML --------------------------------------------------------------------------------

    private static Result nmap(String fileName, byte[] content) throws BadFileException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // nmap writes <!DOCTYPE nmaprun>; a DTD is read as a name only, so an entity it declares is never expanded.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<PassiveHost> hosts = new ArrayList<>();
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(content));
            String ip = null;
            String mac = null;
            int port = 0;
            boolean open = false;
            List<Observation> seen = new ArrayList<>();
            boolean sawRun = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "nmaprun" -> sawRun = true;
                        case "host" -> {
                            ip = null;
                            mac = null;
                            seen = new ArrayList<>();
                        }
                        case "address" -> {
                            String type = xml.getAttributeValue(null, "addrtype");
                            String addr = xml.getAttributeValue(null, "addr");
                            if ("ipv4".equals(type)) {
                                ip = addr;
                            } else if ("mac".equals(type) && addr != null) {
                                mac = Identifier.canonicalMac(addr);
                                add(seen, 0, "mac.address", addr);
                                add(seen, 0, "nmap.macVendor", xml.getAttributeValue(null, "vendor"));
                            }
                        }
                        case "port" -> {
                            port = parsePort(xml.getAttributeValue(null, "portid"));
                            open = false;
                        }
                        case "state" -> {
                            open = "open".equals(xml.getAttributeValue(null, "state"));
                            if (open) {
                                add(seen, port, "tcp.open", Integer.toString(port));
                            }
                        }
                        case "service" -> {
                            if (!open) {
                                break; // nmap names closed ports' usual services from a table: no evidence
                            }
                            add(seen, port, "nmap.service", xml.getAttributeValue(null, "name"));
                            add(seen, port, "nmap.product", xml.getAttributeValue(null, "product"));
                            add(seen, port, "nmap.version", xml.getAttributeValue(null, "version"));
                            add(seen, port, "nmap.extrainfo", xml.getAttributeValue(null, "extrainfo"));
                            add(seen, port, "nmap.devicetype", xml.getAttributeValue(null, "devicetype"));
                        }
                        case "script" -> {
                            if (!open) {
                                break;
                            }
                            String id = xml.getAttributeValue(null, "id");
                            String output = xml.getAttributeValue(null, "output");
                            if ("http-server-header".equals(id)) {
                                add(seen, port, "http.server", output);
                            } else if ("http-title".equals(id)
                                    && output != null
                                    && !output.startsWith("Site doesn't have")) {
                                add(seen, port, "http.title", output);
                            }
                        }
                        default -> {}
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT
                        && xml.getLocalName().equals("host")) {
                    if (ip != null || mac != null) {
                        hosts.add(new PassiveHost(ip, mac, fileName + " (nmap XML)", seen));
                    }
                }
            }
            if (!sawRun) {
                throw new BadFileException(fileName + " is XML but not nmap's output (no <nmaprun>)");
            }
        } catch (XMLStreamException e) {
            String where =
                    e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber();
            throw new BadFileException(
                    fileName + " is not well-formed XML" + where + ": " + Wire.printable(e.getMessage()));
        }
        return new Result("nmap XML", List.copyOf(hosts), List.of());
    }

    private static int parsePort(@Nullable String text) {
        try {
            return text == null ? 0 : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void add(List<Observation> seen, int port, String field, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            seen.add(new Observation("passive", port, field, value.strip()));
        }
    }

    // -- ISC dhcpd leases ------------------------------------------------------------------------

    private static Result iscLeases(String fileName, String[] lines) {
        Map<String, PassiveHost> byIp = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Pattern leaseStart = Pattern.compile("^\\s*lease\\s+(\\S+)\\s*\\{");
        String ip = null;
        String mac = null;
        int startLine = 0;
        List<Observation> seen = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            Matcher start = leaseStart.matcher(line);
            if (start.find()) {
                ip = IPV4.matcher(start.group(1)).matches() ? start.group(1) : null;
                if (ip == null) {
                    problems.add(fileName + " line " + (i + 1) + ": \"" + Wire.printable(start.group(1))
                            + "\" is not an IPv4 address");
                }
                mac = null;
                startLine = i + 1;
                seen = new ArrayList<>();
            } else if (line.startsWith("hardware ethernet")) {
                Matcher m = MAC.matcher(line);
                if (m.find()) {
                    mac = Identifier.canonicalMac(m.group(1));
                    add(seen, 0, "mac.address", m.group(1));
                }
            } else if (line.startsWith("client-hostname")) {
                add(seen, 0, "dhcp.hostname", unquote(line.substring("client-hostname".length())));
            } else if (line.startsWith("set vendor-class-identifier")) {
                add(seen, 0, "dhcp.vendorClass", unquote(line.substring(line.indexOf('=') + 1)));
            } else if (line.equals("}") && (ip != null || mac != null)) {
                // Later leases for the same address replace earlier ones, as dhcpd reads its own file.
                byIp.put(ip != null ? ip : mac, new PassiveHost(ip, mac, fileName + " line " + startLine, seen));
                ip = null;
                mac = null;
            }
        }
        return new Result("ISC dhcpd leases", List.copyOf(byIp.values()), problems);
    }

    private static String unquote(String text) {
        return text.strip().replaceAll(";$", "").replaceAll("^\"|\"$", "");
    }

    // -- switch MAC tables (CSV) -----------------------------------------------------------------

    private static Result macTable(String fileName, String[] lines) {
        String[] header = lines[0].toLowerCase(Locale.ROOT).split(",", -1);
        int macColumn = -1;
        int ipColumn = -1;
        int portColumn = -1;
        int nameColumn = -1;
        for (int c = 0; c < header.length; c++) {
            String h = header[c].strip().replace("\"", "");
            if (macColumn < 0 && h.contains("mac")) {
                macColumn = c;
            } else if (ipColumn < 0 && (h.equals("ip") || h.contains("ip address") || h.equals("ipv4"))) {
                ipColumn = c;
            } else if (portColumn < 0 && (h.contains("port") || h.contains("interface"))) {
                portColumn = c;
            } else if (nameColumn < 0 && (h.contains("name") || h.contains("description"))) {
                nameColumn = c;
            }
        }
        List<PassiveHost> hosts = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] cells = lines[i].split(",", -1);
            String macText = cell(cells, macColumn);
            Matcher m = macText == null ? null : MAC.matcher(macText);
            if (m == null || !m.find()) {
                problems.add(fileName + " line " + (i + 1) + ", column " + (macColumn + 1) + ": \""
                        + Wire.printable(macText == null ? "" : macText) + "\" is not a MAC address");
                continue;
            }
            List<Observation> seen = new ArrayList<>();
            add(seen, 0, "mac.address", m.group(1));
            add(seen, 0, "switch.port", cell(cells, portColumn));
            add(seen, 0, "dhcp.hostname", cell(cells, nameColumn));
            String ipText = cell(cells, ipColumn);
            String ip = ipText != null && IPV4.matcher(ipText).matches() ? ipText : null;
            hosts.add(new PassiveHost(ip, Identifier.canonicalMac(m.group(1)), fileName + " line " + (i + 1), seen));
        }
        return new Result("switch MAC table (CSV)", List.copyOf(hosts), problems);
    }

    private static @Nullable String cell(String[] cells, int column) {
        if (column < 0 || column >= cells.length) {
            return null;
        }
        String value = cells[column].strip().replace("\"", "");
        return value.isEmpty() ? null : value;
    }

    // -- ARP and neighbour tables, dnsmasq leases, MAC lists -------------------------------------

    private static final Pattern DNSMASQ = Pattern.compile("^\\d{9,11}\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)(\\s+\\S+)?$");

    private static Result lineByLine(String fileName, String[] lines) {
        Map<String, PassiveHost> hosts = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        int dnsmasq = 0;
        int arp = 0;
        int macOnly = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = fileName + " line " + (i + 1);
            Matcher lease = DNSMASQ.matcher(line);
            if (lease.matches()
                    && MAC.matcher(lease.group(1)).matches()
                    && IPV4.matcher(lease.group(2)).matches()) {
                List<Observation> seen = new ArrayList<>();
                add(seen, 0, "mac.address", lease.group(1));
                if (!lease.group(3).equals("*")) {
                    add(seen, 0, "dhcp.hostname", lease.group(3));
                }
                hosts.put(
                        lease.group(2),
                        new PassiveHost(lease.group(2), Identifier.canonicalMac(lease.group(1)), where, seen));
                dnsmasq++;
                continue;
            }
            Matcher mac = MAC.matcher(line);
            if (!mac.find()) {
                // Table headings ("Address HWtype ...", "Interface: 10.0.0.1 --- 0x4") carry no MAC address.
                if (line.toLowerCase(Locale.ROOT).matches(".*(address|interface|protocol|internet|hwtype).*")) {
                    continue;
                }
                problems.add(where + ": no MAC address in \"" + Wire.printable(line) + "\"");
                continue;
            }
            String macText = mac.group(1);
            if (macText.replaceAll("[^0-9A-Fa-f]", "").matches("(?i)0{12}|f{12}")) {
                continue; // incomplete ARP entries and broadcast
            }
            Matcher ip = IPV4.matcher(line);
            String address = ip.find() ? ip.group(1) : null;
            List<Observation> seen = new ArrayList<>();
            add(seen, 0, "mac.address", macText);
            String key = address != null ? address : Identifier.canonicalMac(macText);
            hosts.put(key, new PassiveHost(address, Identifier.canonicalMac(macText), where, seen));
            if (address != null) {
                arp++;
            } else {
                macOnly++;
            }
        }
        String format =
                dnsmasq > 0 && dnsmasq >= arp ? "dnsmasq leases" : arp > 0 ? "ARP or neighbour table" : "MAC list";
        if (hosts.isEmpty() && problems.isEmpty()) {
            problems.add(fileName + ": no addresses found");
        }
        return new Result(
                macOnly > 0 && arp == 0 && dnsmasq == 0 ? "MAC list" : format, List.copyOf(hosts.values()), problems);
    }

    /** Identifies each host of a file with the fingerprint rules and the resolver. */
    public static List<Identified> identify(Result result, Identifier identifier) {
        List<Identified> out = new ArrayList<>();
        for (PassiveHost host : result.hosts()) {
            out.add(new Identified(host, identifier.identify(host.observations())));
        }
        return out;
    }

    public record Identified(PassiveHost host, Identification identification) {}
}
