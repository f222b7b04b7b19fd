package io.camaudit.egress.engine;

import org.jspecify.annotations.Nullable;

/**
 * A table from a device and an address to a value, by open addressing over arrays: a look-up
 * allocates nothing, where a map keyed by records hashes three objects and follows their pointers
 * (this is done for every flow leaving a network). Each slot has a one-byte tag (empty, or seven
 * bits of the key's hash), so a look-up of a key not in the table, the common case for a flood of
 * new destinations, mostly reads only the small tag array. Bounded: it holds at most {@code
 * limit} entries and refuses more. Not thread-safe.
 */
final class PairTable<V> {

    private static final byte EMPTY = 0;

    private static final int INITIAL = 1 << 10;

    private final int limit;
    private int mask;
    private byte[] tags;
    /**
     * Each slot's key, its device and the address's two longs side by side ({@code keys[3 * i]} on):
     * a look-up that finds its tag reads one place for the whole key, where three arrays were three
     * cache misses once the table outgrows the cache.
     */
    private long[] keys;

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
        this.keys = new long[3 * capacity];
        this.values = new Object[capacity];
    }

    /** Doubles the table once it is half full, moving every entry to its slot in the larger one. */
    private void grow() {
        byte[] oldTags = tags;
        long[] oldKeys = keys;
        Object[] oldValues = values;
        allocate(oldTags.length * 2);
        for (int i = 0; i < oldTags.length; i++) {
            if (oldTags[i] != EMPTY) {
                int k = 3 * i;
                int j = (int) hash(oldKeys[k], oldKeys[k + 1], oldKeys[k + 2]) & mask;
                while (tags[j] != EMPTY) {
                    j = (j + 1) & mask;
                }
                tags[j] = oldTags[i];
                System.arraycopy(oldKeys, k, keys, 3 * j, 3);
                values[j] = oldValues[i];
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
            if (t == tag && keys[3 * i] == device && keys[3 * i + 2] == low && keys[3 * i + 1] == high) {
                return (V) values[i];
            }
        }
    }

    /** Adds an entry not yet in the table; false (and nothing added) when the table is full. */
    boolean add(long device, Ip address, V value) {
        if (full()) {
            return false;
        }
        if (size * 2 >= tags.length) {
            grow();
        }
        long h = hash(device, address);
        int i = (int) h & mask;
        while (tags[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        tags[i] = tag(h, address.v4());
        keys[3 * i] = device;
        keys[3 * i + 1] = address.high();
        keys[3 * i + 2] = address.low();
        values[i] = value;
        size++;
        return true;
    }

    void clear() {
        allocate(INITIAL);
        size = 0;
    }

    /** Never empty: the top bit tells IPv4 from IPv6 (whose addresses could share the two longs), the rest is hash. */
    private static byte tag(long hash, boolean v4) {
        return (byte) ((v4 ? 0x80 : 0) | 1 | ((hash >>> 57) & 0x7E));
    }

    private static long hash(long device, Ip address) {
        return hash(device, address.high(), address.low());
    }

    private static long hash(long device, long high, long low) {
        long h = device * 0x9E37_79B9_7F4A_7C15L ^ high * 0xC2B2_AE3D_27D4_EB4FL ^ low;
        h ^= h >>> 33;
        h *= 0xFF51_AFD7_ED55_8CCDL;
        h ^= h >>> 33;
        return h;
    }
}
