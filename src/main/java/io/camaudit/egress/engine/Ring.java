package io.camaudit.egress.engine;

import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A bounded queue between exactly one producing and one consuming thread, without locks: the
 * collector's receiving and decoding threads pass tens of thousands of datagrams a second
 * through two of these, where a locked queue made them contend for one lock and wake each other.
 * The producer's slot write is published by the ordered store of the tail, which the consumer's
 * volatile read of the tail sees.
 */
final class Ring<T> {

    private final Object[] slots;
    private final int mask;
    private final AtomicLong head = new AtomicLong(); // the next slot to take: written by the consumer only
    private final AtomicLong tail = new AtomicLong(); // the next slot to fill: written by the producer only

    /** A ring of at least {@code capacity} slots (rounded up to a power of two). */
    Ring(int capacity) {
        int size = Integer.highestOneBit(Math.max(2, capacity) - 1) << 1;
        this.slots = new Object[size];
        this.mask = size - 1;
    }

    /** From the producer: false, and nothing added, when the ring is full. */
    boolean offer(T item) {
        long t = tail.get();
        if (t - head.get() == slots.length) {
            return false;
        }
        slots[(int) t & mask] = item;
        tail.lazySet(t + 1);
        return true;
    }

    /** From the consumer: the oldest item, or null when the ring is empty. */
    @SuppressWarnings("unchecked")
    @Nullable
    T poll() {
        long h = head.get();
        if (h == tail.get()) {
            return null;
        }
        int slot = (int) h & mask;
        T item = (T) slots[slot];
        slots[slot] = null;
        head.lazySet(h + 1);
        return item;
    }

    boolean isEmpty() {
        return head.get() == tail.get();
    }
}
