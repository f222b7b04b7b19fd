package io.camaudit.egress.engine;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Directory} built once from the register's devices and never changed: IPv4 addresses and
 * MACs in open-addressed tables of primitives, so that the look-up made for every flow (on the
 * decoding thread for the flows it only counts, on the analysing one for the rest) allocates
 * nothing and follows no key objects; IPv6 addresses in a map. The first device given an address
 * or MAC keeps it. Safe to read from any number of threads once built.
 */
public final class DeviceDirectory implements Directory {

    private final Keyed byAddress4;
    private final Map<Ip, Device> byAddress6;
    private final Keyed byMac;

    private DeviceDirectory(Keyed byAddress4, Map<Ip, Device> byAddress6, Keyed byMac) {
        this.byAddress4 = byAddress4;
        this.byAddress6 = byAddress6;
        this.byMac = byMac;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects devices by address and MAC; {@link #build} makes the directory. */
    public static final class Builder {
        private final Map<Long, Device> v4 = new HashMap<>();
        private final Map<Ip, Device> v6 = new HashMap<>();
        private final Map<Long, Device> macs = new HashMap<>();

        private Builder() {}

        /** The device at this address, unless another already has it. */
        public Builder address(Ip address, Device device) {
            if (address.v4()) {
                v4.putIfAbsent(address.low(), device);
            } else {
                v6.putIfAbsent(address, device);
            }
            return this;
        }

        /** The device with this MAC (its 48 bits), unless another already has it. */
        public Builder mac(long mac, Device device) {
            if (mac >= 0 && mac < (1L << 48)) {
                macs.putIfAbsent(mac, device);
            }
            return this;
        }

        public DeviceDirectory build() {
            return new DeviceDirectory(new Keyed(v4), Map.copyOf(v6), new Keyed(macs));
        }
    }

    @Override
    public @Nullable Device byAddress(Ip address) {
        return address.v4() ? byAddress4.get(address.low()) : byAddress6.get(address);
    }

    @Override
    public @Nullable Device byAddress4(int address) {
        return byAddress4.get(address & 0xFFFF_FFFFL);
    }

    @Override
    public @Nullable Device byMac(long mac) {
        return mac < 0 || mac >= (1L << 48) ? null : byMac.get(mac);
    }

    public int size() {
        return byAddress4.size + byAddress6.size();
    }

    /**
     * Keys of at most 48 bits (an IPv4 address, a MAC) to devices, by linear probing over arrays at
     * most half full. A key is held plus one, so that 0 marks an empty slot.
     */
    private static final class Keyed {
        private final long[] keys;
        private final Device[] values;
        private final int mask;
        final int size;

        Keyed(Map<Long, Device> entries) {
            int capacity = Integer.highestOneBit(Math.max(16, entries.size() * 2 - 1)) << 1;
            keys = new long[capacity];
            values = new Device[capacity];
            mask = capacity - 1;
            size = entries.size();
            for (Map.Entry<Long, Device> e : entries.entrySet()) {
                int i = slot(e.getKey());
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = e.getKey() + 1;
                values[i] = e.getValue();
            }
        }

        @Nullable
        Device get(long key) {
            long held = key + 1;
            for (int i = slot(key); ; i = (i + 1) & mask) {
                long k = keys[i];
                if (k == held) {
                    return values[i];
                }
                if (k == 0) {
                    return null;
                }
            }
        }

        private int slot(long key) {
            long h = key * 0x9E37_79B9_7F4A_7C15L;
            return (int) (h ^ (h >>> 32)) & mask;
        }
    }
}
