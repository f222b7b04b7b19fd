package io.camaudit.egress.engine;

import org.jspecify.annotations.Nullable;

/**
 * A table from a device and an address to a value that holds its own key, by open addressing over
 * arrays: a look-up allocates nothing, where a map keyed by records hashes three objects and
 * follows their pointers (this is done for every flow leaving a network). Each slot has a one-byte
 * tag (empty, or seven bits of the key's hash and whether the address is IPv4), so a look-up of a
 * key not in the table, the common case for a flood of new destinations, mostly reads only the
 * small tag array; one that finds its tag compares the key in the value itself, which the caller
 * reads next anyway. (The keys had been in an array of their own, three longs a slot: one more
 * cache miss a flow, and an array eight times the tags' size.) Bounded: it holds at most {@code
 * limit} entries and refuses more. Not thread-safe.
 */
final class PairTable<V extends PairTable.Keyed> {

    /** A value that holds the key it is filed under: a device (its number) and an address, as {@link Ip} holds it. */
    interface Keyed {
        long device();

        long high();

        long low();
    }

    private static final byte EMPTY = 0;

    private static final int INITIAL = 1 << 10;

    private final int limit;
    private int mask;
    private byte[] tags;
    private Object[] values;
    private int size;

    /** Starts small and doubles while it fills (a sparse table is slow to search: its slots are far apart). */
    PairTable(int limit) {
        this.limit = limit;
        allocate(INITIAL);
    }

    private void allocate(int capacity) {
        this.mask = capacity - 1;
        this.tags = new byte[capacity];
        this.values = new Object[capacity];
    }

    /** Doubles the table once it is half full, moving every entry to its slot in the larger one. */
    @SuppressWarnings("unchecked")
    private void grow() {
        byte[] oldTags = tags;
        Object[] oldValues = values;
        allocate(oldTags.length * 2);
        for (int i = 0; i < oldTags.length; i++) {
            if (oldTags[i] != EMPTY) {
                V value = (V) oldValues[i];
                int j = (int) hash(value.device(), value.high(), value.low()) & mask;
                while (tags[j] != EMPTY) {
                    j = (j + 1) & mask;
                }
                tags[j] = oldTags[i];
                values[j] = value;
            }
        }
    }

    int size() {
        return size;
    }

    boolean full() {
        return size >= limit;
    }

    @Nullable
    V get(long device, Ip address) {
        return get(device, address.high(), address.low(), address.v4());
    }

    /** The value for a device and the address held as {@link Ip} holds it, with no {@link Ip} to hand. */
    @SuppressWarnings("unchecked")
    @Nullable
    V get(long device, long high, long low, boolean v4) {
        long h = hash(device, high, low);
        byte tag = tag(h, v4);
        for (int i = (int) h & mask; ; i = (i + 1) & mask) {
            byte t = tags[i];
            if (t == EMPTY) {
                return null;
            }
            if (t == tag) { // the tag holds whether the address is IPv4, so equal longs are the same key
                V value = (V) values[i];
                if (value.low() == low && value.device() == device && value.high() == high) {
                    return value;
                }
            }
        }
    }

    /**
     * Adds a value under its key, not yet in the table ({@code v4}: whether its address is IPv4);
     * false (and nothing added) when the table is full.
     */
    boolean add(V value, boolean v4) {
        if (full()) {
            return false;
        }
        if (size * 2 >= tags.length) {
            grow();
        }
        long h = hash(value.device(), value.high(), value.low());
        int i = (int) h & mask;
        while (tags[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        tags[i] = tag(h, v4);
        values[i] = value;
        size++;
        return true;
    }

    /** Never empty: the top bit tells IPv4 from IPv6 (whose addresses could share the two longs), the rest is hash. */
    private static byte tag(long hash, boolean v4) {
        return (byte) ((v4 ? 0x80 : 0) | 1 | ((hash >>> 57) & 0x7E));
    }

    private static long hash(long device, long high, long low) {
        long h = device * 0x9E37_79B9_7F4A_7C15L ^ high * 0xC2B2_AE3D_27D4_EB4FL ^ low;
        h ^= h >>> 33;
        h *= 0xFF51_AFD7_ED55_8CCDL;
        h ^= h >>> 33;
        return h;
    }
}
