package io.camaudit.returns.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RowPipeTest {

    @Test
    void handsOverEveryRowInOrderOnTheCallingThread() {
        List<Long> numbers = new ArrayList<>();
        List<String> threads = new ArrayList<>();
        RowPipe.run(
                rows -> {
                    for (long i = 1; i <= 10_000; i++) {
                        rows.row(i, List.of("cell " + i));
                    }
                },
                (number, cells) -> {
                    numbers.add(number);
                    threads.add(Thread.currentThread().getName());
                    assertThat(cells).containsExactly("cell " + number);
                });
        assertThat(numbers).hasSize(10_000).startsWith(1L, 2L).endsWith(10_000L);
        assertThat(threads).containsOnly(Thread.currentThread().getName());
    }

    @Test
    void aFailingSourceIsThrownHereAndAFailingConsumerStopsTheSource() {
        assertThatThrownBy(() -> RowPipe.run(
                        rows -> {
                            rows.row(1, List.of("a"));
                            throw new ReturnFileException("the sheet is not well-formed");
                        },
                        (number, cells) -> {}))
                .isInstanceOf(ReturnFileException.class)
                .hasMessage("the sheet is not well-formed");

        AtomicLong produced = new AtomicLong();
        assertThatThrownBy(() -> RowPipe.run(
                        rows -> {
                            for (long i = 1; i <= 10_000_000; i++) {
                                rows.row(i, List.of());
                                produced.set(i);
                            }
                        },
                        (number, cells) -> {
                            if (number == 100) {
                                throw new IllegalStateException("the checker gave up");
                            }
                        }))
                .hasMessage("the checker gave up");
        assertThat(produced.get())
                .as("the source stopped within a few batches of the consumer")
                .isLessThan(100 + (RowPipe.AHEAD + 2L) * RowPipe.BATCH);
    }
}
