package io.camaudit.returns.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReturnSpoolTest {

    @TempDir
    Path temp;

    private final ReturnReader reader = new ReturnReader(ReturnLimits.DEFAULT);

    /** A return with every kind of fact, empty cells and a quantity, so the round trip covers them all. */
    private Path richReturn() throws IOException {
        String text = """
                Site,Address,Postcode,Kind of place,Sensitive,System,Manufacturer,Brand,Model,Firmware,Serial number,MAC address,IP address,Asset tag,Capabilities,Status,Installed,Removed,Quantity
                Town Hall,1 High St,AB1 2CD,Office,yes,Main CCTV,Hikvision,HiLook,IPC-B140H,V5.5.0,SER-1,44:19:B6:01:02:03,10.0.0.1,A-1,"face recognition, audio",In service,2019-04-01,,1
                Depot,,,,,,Dahua,,IPC-HDW2431T,,,,fe80::1,,,Removed,2018-01-01,2023-05-02,1
                Café Größe,,,,,,Axis,,,,,,,,,In service,,,3
                """;
        Path file = temp.resolve("return.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private List<ReturnDevice> readAll(Path file) {
        List<ReturnDevice> devices = new ArrayList<>();
        ReturnReport report = reader.read(file, 2, devices::addAll);
        assertThat(report.errors())
                .as("the return itself is valid: %s", report.issues())
                .isZero();
        return devices;
    }

    private Path spool(Path file) {
        Path spool = temp.resolve("return.devices");
        try (ReturnSpool.Writer writer = ReturnSpool.writer(spool)) {
            reader.read(file, 2, writer);
            writer.finish();
        }
        return spool;
    }

    @Test
    void readsBackExactlyTheDevicesThePreviewReadInChunks() throws IOException {
        Path file = richReturn();
        List<ReturnDevice> expected = readAll(file);
        assertThat(expected).hasSize(5);
        Path spool = spool(file);

        List<ReturnDevice> read = new ArrayList<>();
        List<Integer> chunkSizes = new ArrayList<>();
        boolean found = ReturnSpool.read(spool, expected.size(), 2, chunk -> {
            chunkSizes.add(chunk.size());
            read.addAll(chunk);
        });

        assertThat(found).isTrue();
        assertThat(read).isEqualTo(expected);
        assertThat(chunkSizes).containsExactly(2, 2, 1);
    }

    @Test
    void aMissingUnfinishedShortOrAlteredSpoolReadsAsAbsentAndHandsOnNothing() throws IOException {
        Path file = richReturn();
        int devices = readAll(file).size();
        List<ReturnDevice> handed = new ArrayList<>();

        assertThat(ReturnSpool.read(temp.resolve("none.devices"), devices, 2, handed::addAll))
                .isFalse();

        Path unfinished = temp.resolve("unfinished.devices");
        try (ReturnSpool.Writer writer = ReturnSpool.writer(unfinished)) {
            reader.read(file, 2, writer);
        }
        assertThat(unfinished).doesNotExist();
        try (var left = Files.list(temp)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".part"));
        }

        Path spool = spool(file);
        assertThat(ReturnSpool.read(spool, devices + 1, 2, handed::addAll))
                .as("a count other than the preview's")
                .isFalse();

        byte[] bytes = Files.readAllBytes(spool);
        Path altered = temp.resolve("altered.devices");
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x20;
        Files.write(altered, flipped);
        assertThat(ReturnSpool.read(altered, devices, 2, handed::addAll)).isFalse();

        Path shortened = temp.resolve("short.devices");
        Files.write(shortened, java.util.Arrays.copyOf(bytes, bytes.length - 9));
        assertThat(ReturnSpool.read(shortened, devices, 2, handed::addAll)).isFalse();

        Path empty = temp.resolve("empty.devices");
        Files.write(empty, new byte[0]);
        assertThat(ReturnSpool.read(empty, devices, 2, handed::addAll)).isFalse();

        assertThat(handed).isEmpty();
        assertThat(ReturnSpool.read(spool, devices, 2, handed::addAll)).isTrue();
    }
}
