package io.camaudit.discovery.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Passive identification from the files a network already has. */
class PassiveImportTest {

    private static Identifier identifier;

    @BeforeAll
    static void rules() throws IOException {
        identifier = SurveyTest.identifier();
    }

    private static PassiveImport.Result read(String name) throws Exception {
        return PassiveImport.read(name, Files.readAllBytes(Path.of("src/test/resources/discovery", name)));
    }

    private static Map<String, Identification> identified(PassiveImport.Result result) {
        return PassiveImport.identify(result, identifier).stream()
                .collect(Collectors.toMap(i -> i.host().key(), PassiveImport.Identified::identification));
    }

    @Test
    void iscDhcpLeasesGiveAddressMacAndHostName() throws Exception {
        PassiveImport.Result result = read("dhcpd.leases");
        assertThat(result.format()).isEqualTo("ISC dhcpd leases");
        assertThat(result.hosts()).extracting(PassiveHost::key).containsExactly("10.20.1.10", "10.20.1.11");
        Map<String, Identification> ids = identified(result);
        assertThat(ids.get("10.20.1.10").maker()).isEqualTo("Hikvision");
        assertThat(ids.get("10.20.1.10").model()).isEqualTo("DS-2CD2143G0-I");
        assertThat(ids.get("10.20.1.11").maker()).isEqualTo("Dahua");
        assertThat(ids.get("10.20.1.11").mac()).isEqualTo("e0:50:8b:ab:cd:ef");
    }

    @Test
    void dnsmasqLeasesArpTablesAndMacListsInTheirUsualShapes() throws Exception {
        PassiveImport.Result dnsmasq = read("dnsmasq.leases");
        assertThat(dnsmasq.format()).isEqualTo("dnsmasq leases");
        assertThat(identified(dnsmasq).get("10.20.2.14").maker()).isEqualTo("Axis Communications");

        PassiveImport.Result neigh = read("ip-neigh.txt");
        // An IPv6 neighbour is kept by its MAC address alone (IPv6 addresses are not surveyed yet).
        assertThat(neigh.hosts())
                .extracting(PassiveHost::key)
                .containsExactly("10.20.3.10", "10.20.3.11", "00:11:22:33:44:55");
        assertThat(neigh.problems()).singleElement().asString().contains("ip-neigh.txt line 3");

        PassiveImport.Result windows = read("arp-windows.txt");
        assertThat(windows.hosts()).extracting(PassiveHost::key).containsExactly("10.20.4.10");
        assertThat(identified(windows).get("10.20.4.10").maker()).isEqualTo("Hikvision");

        PassiveImport.Result cisco = read("cisco-arp.txt");
        assertThat(cisco.hosts())
                .extracting(PassiveHost::mac)
                .containsExactly("44:19:b6:12:34:56", "e0:50:8b:ab:cd:ef");

        PassiveImport.Result list = read("macs.txt");
        assertThat(list.format()).isEqualTo("MAC list");
        assertThat(identified(list).get("00:40:8c:12:34:56").maker()).isEqualTo("Axis Communications");
    }

    @Test
    void switchTablesAsCsvNameTheRowsTheyCannotRead() throws Exception {
        PassiveImport.Result table = read("switch-macs.csv");
        assertThat(table.format()).isEqualTo("switch MAC table (CSV)");
        assertThat(table.hosts())
                .extracting(PassiveHost::mac)
                .containsExactly("44:19:b6:12:34:56", "00:1b:21:aa:bb:cc");
        assertThat(table.problems())
                .containsExactly("switch-macs.csv line 3, column 2: \"not-a-mac\" is not a MAC address");
        assertThat(table.hosts().get(0).observations())
                .anyMatch(o -> o.field().equals("switch.port") && o.value().equals("Gi1/0/5"));
    }

    /** Real nmap 7.93 output (Debian's) of a version scan of emulated devices. */
    @Test
    void nmapXmlIsReadFromOpenPortsOnly() throws Exception {
        PassiveImport.Result nmap = read("nmap-emulated.xml");
        assertThat(nmap.format()).isEqualTo("nmap XML");
        assertThat(nmap.hosts()).hasSize(5);
        assertThat(nmap.hosts()).allMatch(h -> h.ip().startsWith("127.90.0."));
        // Closed ports' table-guessed services are not evidence.
        assertThat(nmap.hosts().get(0).observations()).noneMatch(o -> o.value().equals("kerberos-sec"));
        assertThat(nmap.hosts().get(0).observations()).anyMatch(o -> o.field().equals("tcp.open"));
    }

    @Test
    void hostileFilesAreRefusedWithTheReason() {
        String bomb =
                "<?xml version=\"1.0\"?><!DOCTYPE nmaprun [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>"
                        + "<nmaprun><host><address addr=\"&b;\" addrtype=\"ipv4\"/></host></nmaprun>";
        assertThatThrownBy(() -> PassiveImport.read("bomb.xml", bomb.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PassiveImport.BadFileException.class)
                .hasMessageContaining("bomb.xml");
        assertThatThrownBy(() -> PassiveImport.read(
                        "other.xml", "<?xml version=\"1.0\"?><svg/>".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("not nmap's output");
        assertThatThrownBy(() -> PassiveImport.read("latin1.txt", new byte[] {'a', (byte) 0xE9, '\n'}))
                .hasMessageContaining("not UTF-8");
        assertThatThrownBy(() -> PassiveImport.read("blob.bin", new byte[] {'a', 0, 'b'}))
                .hasMessageContaining("binary");
        assertThatThrownBy(() -> PassiveImport.read("huge.txt", new byte[PassiveImport.MAX_BYTES + 1]))
                .hasMessageContaining("larger than");
        assertThatThrownBy(() -> PassiveImport.read(
                        "truncated.xml",
                        "<?xml version=\"1.0\"?><nmaprun><host><address addr=\"10.0.0.1\""
                                .getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("not well-formed XML");
    }

    @Test
    void nothingUsableIsSaid() throws Exception {
        PassiveImport.Result empty = PassiveImport.read("notes.txt", "hello\nworld\n".getBytes(StandardCharsets.UTF_8));
        assertThat(empty.hosts()).isEmpty();
        assertThat(empty.problems()).contains("notes.txt line 1: no MAC address in \"hello\"");
        assertThat(List.of(empty.format())).isNotEmpty();
    }
}
