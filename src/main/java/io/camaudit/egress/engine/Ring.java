package io.camaudit.egress.engine;

import java.util.concurrent.atomic.AtomicLongArray;
import org.jspecify.annotations.Nullable;

/**
 * A bounded queue between exactly one producing and one consuming thread, without locks: the
 * collector's receiving and decoding threads pass tens of thousands of datagrams a second
 * through two of these, where a locked queue made them contend for one lock and wake each other.
 * The producer's slot write is published by the release store of the tail, which the consumer's
 * acquiring read of the tail sees; the consumer's emptying of a slot, likewise by the head.
 *
 * <p>The head and the tail are on cache lines of their own (see {@link LinePadding}), each with
 * its thread's last reading of the other: the producer reads the head only when the ring looked
 * full at that reading, and the consumer the tail only when it looked empty. Side by side, as two
 * objects allocated one after the other are, every offer and every poll fetched the line back
 * from the other thread's core.
 */
final class Ring<T> {

    /** The next slot to take, written by the consumer only; and beside it the consumer's last reading of the tail. */
    private static final int HEAD = LinePadding.LONGS;

    private static final int TAIL_SEEN = HEAD + 1;
    /** The next slot to fill, written by the producer only; and beside it the producer's last reading of the head. */
    private static final int TAIL = 2 * LinePadding.LONGS;

    private static final int HEAD_SEEN = TAIL + 1;

    private final Object[] slots;
    private final int mask;
    private final AtomicLongArray indexes = new AtomicLongArray(3 * LinePadding.LONGS);

    /** A ring of at least {@code capacity} slots (rounded up to a power of two). */
    Ring(int capacity) {
        int size = Integer.highestOneBit(Math.max(2, capacity) - 1) << 1;
        this.slots = new Object[size];
        this.mask = size - 1;
    }

    /** From the producer: false, and nothing added, when the ring is full. */
    boolean offer(T item) {
        long t = indexes.getPlain(TAIL);
        if (t - indexes.getPlain(HEAD_SEEN) == slots.length) {
            long h = indexes.getAcquire(HEAD);
            indexes.setPlain(HEAD_SEEN, h);
            if (t - h == slots.length) {
                return false;
            }
        }
        slots[(int) t & mask] = item;
        indexes.setRelease(TAIL, t + 1);
        return true;
    }

    /** From the consumer: the oldest item, or null when the ring is empty. */
    @SuppressWarnings("unchecked")
    @Nullable
    T poll() {
        long h = indexes.getPlain(HEAD);
        if (h == indexes.getPlain(TAIL_SEEN)) {
            long t = indexes.getAcquire(TAIL);
            indexes.setPlain(TAIL_SEEN, t);
            if (h == t) {
                return null;
            }
        }
        int slot = (int) h & mask;
        T item = (T) slots[slot];
        slots[slot] = null;
        indexes.setRelease(HEAD, h + 1);
        return item;
    }

    /** From either thread, or a third. */
    boolean isEmpty() {
        return indexes.get(HEAD) == indexes.get(TAIL);
    }
}
