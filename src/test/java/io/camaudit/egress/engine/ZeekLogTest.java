package io.camaudit.egress.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Zeek conn.log and dns.log as Zeek writes them: tab-separated with their header, or JSON lines; gzipped or not. */
class ZeekLogTest {

    private static final String CONN_TSV = """
            #separator \\x09
            #set_separator\t,
            #empty_field\t(empty)
            #unset_field\t-
            #path\tconn
            #open\t2026-12-01-10-00-00
            #fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tservice\tduration\torig_bytes\tresp_bytes\tconn_state\tlocal_orig\tlocal_resp\tmissed_bytes\thistory\torig_pkts\torig_ip_bytes\tresp_pkts\tresp_ip_bytes\ttunnel_parents\torig_l2_addr\tresp_l2_addr
            #types\ttime\tstring\taddr\tport\taddr\tport\tenum\tstring\tinterval\tcount\tcount\tstring\tbool\tbool\tcount\tstring\tcount\tcount\tcount\tcount\tset[string]\tstring\tstring
            1764590000.123456\tC1\t10.20.0.5\t40000\t203.0.113.7\t8800\tudp\t-\t4.000000\t220\t0\tS0\tT\tF\t0\tD\t5\t360\t0\t0\t(empty)\t44:19:b6:12:34:56\t00:11:22:33:44:55
            1764590010.000000\tC2\t10.20.0.6\t50000\t198.51.100.9\t443\ttcp\tssl\t2.500000\t300\t5000\tSF\tT\tF\t0\tShADadFf\t3\t420\t6\t5320\t(empty)\t-\t-
            1764590011.000000\tC3\tnot-an-address\t1\t198.51.100.9\t443\ttcp\t-\t-\t-\t-\tS0\tT\tF\t0\tS\t1\t60\t0\t0\t(empty)\t-\t-
            #close\t2026-12-01-11-00-00
            """;

    private static final String DNS_JSON = """
            {"ts":1764590000.5,"uid":"D1","id.orig_h":"10.20.0.5","id.orig_p":53000,"id.resp_h":"10.20.0.1","id.resp_p":53,"proto":"udp","query":"www.easy4ipcloud.com","qtype_name":"A","rcode_name":"NOERROR","answers":["easy4ip.example.net","203.0.113.7"],"TTLs":[300.0,60.0]}
            {"ts":"2026-12-01T10:00:01.000Z","uid":"D2","id.orig_h":"10.20.0.6","id.orig_p":53001,"id.resp_h":"10.20.0.1","id.resp_p":53,"proto":"udp","query":"litedev.hik-connect.com","answers":["2001:db8::7"],"TTLs":[30.0]}
            {"ts":1764590002,"uid":"D3","id.orig_h":"10.20.0.6","id.orig_p":53002,"id.resp_h":"10.20.0.1","id.resp_p":53,"proto":"udp","query":"nothing.example"}
            {"ts":
            """;

    private record Read(List<Flow> flows, List<DnsAnswer> answers, ZeekLog.Outcome outcome) {}

    private static Read read(byte[] bytes, String name) throws IOException {
        List<Flow> flows = new ArrayList<>();
        List<DnsAnswer> answers = new ArrayList<>();
        ZeekLog.Outcome outcome = ZeekLog.read(new ByteArrayInputStream(bytes), name, new FlowSink() {
            @Override
            public void flow(Flow flow) {
                flows.add(flow);
            }

            @Override
            public void dns(DnsAnswer answer) {
                answers.add(answer);
            }
        });
        return new Read(flows, answers, outcome);
    }

    @Test
    void aTabSeparatedConnLogGivesEachDirectionAndNamesTheLineItCannotRead() throws Exception {
        Read read = read(CONN_TSV.getBytes(StandardCharsets.UTF_8), "conn.log");
        assertThat(read.outcome().path()).isEqualTo("conn");
        assertThat(read.outcome().records()).isEqualTo(2);
        assertThat(read.outcome().skipped()).isEqualTo(1);
        assertThat(read.outcome().problems())
                .singleElement()
                .asString()
                .startsWith("conn.log line 11: not an IP address");
        assertThat(read.flows()).hasSize(3);
        Flow out = read.flows().get(0);
        assertThat(out.source()).hasToString("10.20.0.5");
        assertThat(out.destinationPort()).isEqualTo(8800);
        assertThat(out.protocol()).isEqualTo(17);
        assertThat(out.bytes()).isEqualTo(360);
        assertThat(out.packets()).isEqualTo(5);
        assertThat(out.start()).isEqualTo(1_764_590_000_123L);
        assertThat(out.end() - out.start()).isEqualTo(4_000);
        assertThat(out.sourceMac()).isEqualTo(0x4419b6123456L);
        Flow back = read.flows().get(2);
        assertThat(back.source()).hasToString("198.51.100.9");
        assertThat(back.bytes()).isEqualTo(5320);
    }

    @Test
    void aJsonDnsLogGivesTheAddressesEachNameResolvedTo() throws Exception {
        Read read = read(DNS_JSON.getBytes(StandardCharsets.UTF_8), "dns.json");
        assertThat(read.answers())
                .extracting(a -> a.client() + " " + a.name() + " " + a.address() + " " + a.ttlSeconds())
                .containsExactly(
                        "10.20.0.5 www.easy4ipcloud.com 203.0.113.7 60",
                        "10.20.0.6 litedev.hik-connect.com 2001:db8:0:0:0:0:0:7 30");
        assertThat(read.outcome().records()).isEqualTo(3);
        assertThat(read.outcome().problems()).singleElement().asString().startsWith("dns.json line 4: malformed JSON");
    }

    @Test
    void gzippedLogsAreReadAndAGzipBombIsStopped() throws Exception {
        Read read = read(gzip(CONN_TSV.getBytes(StandardCharsets.UTF_8)), "conn.log.gz");
        assertThat(read.flows()).hasSize(3);
        byte[] bomb = gzip(new byte[200 * 1024 * 1024]);
        assertThatThrownBy(() -> read(bomb, "bomb.log.gz"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("inflates more than 200 times");
    }

    @Test
    void aLineWithoutEndOrHeaderIsBoundedAndNamed() throws Exception {
        byte[] endless = ("#path\tconn\n" + "x".repeat(200_000)).getBytes(StandardCharsets.UTF_8);
        Read read = read(endless, "long.log");
        assertThat(read.outcome().problems())
                .singleElement()
                .asString()
                .isEqualTo("long.log line 2: longer than 65536 characters");
        Read headless = read("1\t2\t3\n".getBytes(StandardCharsets.UTF_8), "headless.log");
        assertThat(headless.outcome().problems()).singleElement().asString().contains("before the #fields header");
    }

    @Test
    void theFastReadingOfConnLinesGivesWhatTheGeneralReadingGivesLineForLine() throws Exception {
        String header = CONN_TSV.substring(0, CONN_TSV.indexOf("#types"));
        String fields = "\tC\t%s\t%s\t%s\t%s\t%s\t-\t%s\t%s\t0\tS0\tT\tF\t0\tD\t%s\t%s\t%s\t%s\t(empty)\t%s\t-\n";
        String[][] lines = {
            {"1764590000.123456", "10.20.0.5", "40000", "203.0.113.7", "8800", "udp", "4.000000", "220", "5", "360"},
            {"1764590000.0005", "255.255.255.255", "1", "0.0.0.0", "65535", "tcp", "0.0015", "0", "1", "0"},
            {"1764590000.9995", "010.20.0.5", "2", "203.0.113.7", "3", "icmp", "-", "-", "-", "-"},
            {"1764590000", "10.20.0.5", "2", "2001:db8::7", "3", "sctp", "1e3", "7", "1", "60"},
            {"-", "10.20.0.5", "2", "203.0.113.7", "3", "tcp", "1", "7", "1", "60"},
            {"1764590001.5", "10.20.0.5", "-1", "203.0.113.7", "+3", "tcp", "(empty)", "7", "1", "60"},
            {"1764590002.25", "10.20.0.256", "2", "203.0.113.7", "3", "udp", "1", "", "1", "60"},
            {"1764590003.125", "1.2.3", "2", "203.0.113.7", "3", "udp", "1", "99999999999999999999", "1", "60"},
            {"17645900031234567.1", "10.20.0.5", "2", "203.0.113.7", "3", "-", "1", "7", "1", "60"},
        };
        StringBuilder log = new StringBuilder(header.replace("\n#open", "\r\n#open"));
        for (String[] v : lines) {
            String respPackets = v[1].startsWith("255") ? "4" : "0";
            log.append(v[0])
                    .append(String.format(
                            fields, v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], respPackets, "900", "-"));
        }
        log.append("1764590004.0\tC\t10.20.0.5\t1\n"); // too few values
        log.append("1764590005.0\tC\t10.20.0.5\t1\t203.0.113.7\t2\tudp\t-\t1\t2\t0\tS0\tT\tF\t0\tD\t1\t2\t0\t0"
                + "\t(empty)\t44:19:b6:12:34:56\t-\textra\n");
        byte[] bytes = log.toString().getBytes(StandardCharsets.UTF_8);

        List<Flow> fast = new ArrayList<>();
        List<Flow> general = new ArrayList<>();
        ZeekLog.Outcome fastOutcome = ZeekLog.read(new ByteArrayInputStream(bytes), "conn.log", fast::add, true);
        ZeekLog.Outcome generalOutcome = ZeekLog.read(new ByteArrayInputStream(bytes), "conn.log", general::add, false);

        assertThat(fast).isEqualTo(general);
        assertThat(fastOutcome).isEqualTo(generalOutcome);
        assertThat(fast).hasSizeGreaterThanOrEqualTo(3); // the lines each reading takes are not all refused
        // and the fast reading did take lines (else the comparison would prove nothing)
        java.util.Map<String, Integer> columns = new java.util.HashMap<>();
        String[] names =
                header.substring(header.indexOf("#fields\t") + 8).strip().split("\t");
        for (int i = 0; i < names.length; i++) {
            columns.put(names[i], i);
        }
        ZeekColumns reader = ZeekColumns.of("conn", columns, "\t", "-");
        String first = log.toString()
                .lines()
                .filter(l -> l.startsWith("1764590000.123456"))
                .findFirst()
                .orElseThrow();
        byte[] line = first.getBytes(StandardCharsets.UTF_8);
        ZeekColumns.Connection c = new ZeekColumns.Connection();
        assertThat(reader).isNotNull();
        assertThat(reader.read(line, 0, line.length, c)).isTrue();
        assertThat(c.time).isEqualTo(1_764_590_000_123L);
        assertThat(c.originBytes).isEqualTo(360);
        assertThat(fastOutcome.skipped()).isGreaterThanOrEqualTo(4);
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}
