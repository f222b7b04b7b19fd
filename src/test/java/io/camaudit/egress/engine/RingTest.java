package io.camaudit.egress.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The collector's lock-free hand-over between its receiving and decoding threads. */
class RingTest {

    @Test
    void itKeepsOrderRefusesWhenFullAndHandsEverythingAcrossThreads() throws Exception {
        Ring<Integer> small = new Ring<>(3); // rounded up to 4
        for (int i = 0; i < 4; i++) {
            assertThat(small.offer(i)).isTrue();
        }
        assertThat(small.offer(4)).as("full").isFalse();
        assertThat(small.poll()).isZero();
        assertThat(small.offer(4)).isTrue();
        assertThat(List.of(small.poll(), small.poll(), small.poll(), small.poll()))
                .containsExactly(1, 2, 3, 4);
        assertThat(small.poll()).isNull();
        assertThat(small.isEmpty()).isTrue();

        Ring<Integer> ring = new Ring<>(64);
        int count = 1_000_000;
        Thread producer = new Thread(() -> {
            for (int i = 0; i < count; ) {
                if (ring.offer(i)) {
                    i++;
                } else {
                    Thread.onSpinWait();
                }
            }
        });
        producer.start();
        List<Integer> out = new ArrayList<>(count);
        while (out.size() < count) {
            Integer next = ring.poll();
            if (next == null) {
                Thread.onSpinWait();
            } else {
                out.add(next);
            }
        }
        producer.join();
        for (int i = 0; i < count; i++) {
            if (out.get(i) != i) {
                throw new AssertionError("item " + i + " arrived as " + out.get(i));
            }
        }
        assertThat(ring.isEmpty()).isTrue();
    }
}
