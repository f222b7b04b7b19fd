package io.camaudit.egress.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** A file's kind is told by its content, whatever its name, gzipped or not. */
class FlowFilesTest {

    private static FlowFiles.Outcome read(byte[] bytes, List<Flow> flows) throws Exception {
        return FlowFiles.read(new ByteArrayInputStream(bytes), "upload.bin", flows::add);
    }

    @Test
    void eachKindIsToldByItsBytes() throws Exception {
        byte[] pcap = new PcapWriter()
                .packet(100, "10.20.0.5", "203.0.113.7", 40_000, 8800, 17, 44, "44:19:b6:12:34:56")
                .bytes();
        List<Flow> flows = new ArrayList<>();
        assertThat(read(pcap, flows).kind()).isEqualTo(FlowFiles.Kind.PCAP);
        assertThat(read(gzip(pcap), flows)).satisfies(o -> {
            assertThat(o.kind()).isEqualTo(FlowFiles.Kind.PCAP);
            assertThat(o.gzipped()).isTrue();
        });
        assertThat(flows).hasSize(2);

        ByteBuffer template = ByteBuffer.allocate(16 + 4 + 12);
        template.putShort((short) 10)
                .putShort((short) 32)
                .putInt(1)
                .putInt(1)
                .putInt(1)
                .putShort((short) 2)
                .putShort((short) 16)
                .putShort((short) 256)
                .putShort((short) 2)
                .putShort((short) 8)
                .putShort((short) 4)
                .putShort((short) 12)
                .putShort((short) 4);
        assertThat(read(template.array(), flows).kind()).isEqualTo(FlowFiles.Kind.IPFIX);

        byte[] zeek = "#separator \\x09\n#path\tconn\n".getBytes(StandardCharsets.UTF_8);
        assertThat(read(zeek, flows).kind()).isEqualTo(FlowFiles.Kind.ZEEK);
        byte[] zeekJson =
                "{\"ts\":1.0,\"id.orig_h\":\"10.20.0.5\",\"id.orig_p\":1,\"id.resp_h\":\"203.0.113.7\",\"id.resp_p\":2,\"proto\":\"udp\"}\n"
                        .getBytes(StandardCharsets.UTF_8);
        assertThat(read(gzip(zeekJson), flows).kind()).isEqualTo(FlowFiles.Kind.ZEEK);
    }

    @Test
    void aFileOfNoKnownKindIsNamedAsSuch() {
        assertThatThrownBy(() -> read(
                        "Site,Manufacturer\nDepot,Hikvision\n".getBytes(StandardCharsets.UTF_8), new ArrayList<>()))
                .isInstanceOf(FlowFiles.UnknownKindException.class)
                .hasMessageStartingWith("upload.bin is not a file of flows camaudit reads");
    }

    private static byte[] gzip(byte[] bytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}
