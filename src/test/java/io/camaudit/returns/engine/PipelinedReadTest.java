package io.camaudit.returns.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelinedReadTest {

    @TempDir
    Path temp;

    private final ReturnReader reader = new ReturnReader(ReturnLimits.DEFAULT);

    private Path csv(int rows) throws IOException {
        StringBuilder text = new StringBuilder("Site,Manufacturer,Model,Serial number\n");
        for (int i = 0; i < rows; i++) {
            text.append("Depot,Hikvision,DS-2CD2143G0-I,SER-").append(i).append('\n');
        }
        Path file = temp.resolve("return.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void handsOverEveryChunkInOrderOnTheCallingThreadAndTheReport() throws IOException {
        Path file = csv(1_000);
        List<String> serials = new ArrayList<>();
        List<String> threads = new ArrayList<>();
        ReturnReport report = PipelinedRead.read(reader, file, 7, chunk -> {
            threads.add(Thread.currentThread().getName());
            chunk.forEach(device -> serials.add(device.row().facts().serialNumber()));
        });

        assertThat(report.devices()).isEqualTo(1_000);
        assertThat(serials).hasSize(1_000).startsWith("SER-0", "SER-1").endsWith("SER-999");
        assertThat(Set.copyOf(threads)).containsExactly(Thread.currentThread().getName());
        List<String> unread = new ArrayList<>();
        assertThat(reader.read(
                        file,
                        7,
                        chunk -> chunk.forEach(d -> unread.add(d.row().facts().serialNumber()))))
                .isEqualTo(report);
        assertThat(serials).isEqualTo(unread);
    }

    @Test
    void aFailingConsumerStopsTheReaderAndItsErrorIsThrown() throws IOException {
        Path file = csv(10_000);
        int[] chunks = {0};
        assertThatThrownBy(() -> PipelinedRead.read(reader, file, 10, chunk -> {
                    if (++chunks[0] == 3) {
                        throw new IllegalStateException("database said no");
                    }
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("database said no");
        assertThat(chunks[0]).isEqualTo(3);
        assertThat(readerThreads()).isEmpty();
    }

    @Test
    void anUnreadableFileIsTheReadersErrorNamingWhatAndWhere() throws IOException {
        Path file = temp.resolve("latin1.csv");
        Files.write(file, "Site,Manufacturer\nCaf\u00e9,Hikvision\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> PipelinedRead.read(reader, file, 10, chunk -> {}))
                .isInstanceOf(ReturnFileException.class)
                .hasMessageContaining("line 2");
        assertThat(readerThreads()).isEmpty();
    }

    private static Set<String> readerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter("return-reader"::equals)
                .collect(Collectors.toSet());
    }
}
