package io.camaudit.returns.engine;

/**
 * An open-addressing set of 64-bit hashes. A return's natural keys are checked for duplicates by
 * hash, so that a million-row file costs 16 MB here rather than a million strings.
 */
final class LongHashSet {

    private static final long EMPTY = 0L;

    private long[] slots = new long[1 << 12];
    private int size;
    private boolean hasZero;

    /** Adds {@code value}; false if it was already there. */
    boolean add(long value) {
        if (value == EMPTY) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        if ((size + 1) * 2L > slots.length) {
            grow();
        }
        return insert(slots, value);
    }

    private boolean insert(long[] table, long value) {
        int mask = table.length - 1;
        int index = (int) mix(value) & mask;
        while (table[index] != EMPTY) {
            if (table[index] == value) {
                return false;
            }
            index = (index + 1) & mask;
        }
        table[index] = value;
        if (table == slots) {
            size++;
        }
        return true;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        for (long value : old) {
            if (value != EMPTY) {
                insert(slots, value);
            }
        }
    }

    private static long mix(long value) {
        long h = value * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 32);
    }
}
