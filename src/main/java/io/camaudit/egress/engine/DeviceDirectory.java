package io.camaudit.egress.engine;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Directory} built once from the register's devices and never changed. Each device has a
 * number, 0 up to {@link #devices()}, so that what the analysis keeps for a device is found in an
 * array by its number rather than looked up again. IPv4 addresses are in an open-addressed table
 * of longs, each slot the address and the device's number together, so that the look-up made for
 * every flow (on the decoding thread for the flows it only counts, on the analysing one for the
 * rest) reads one place and follows no object; MACs in a table of primitives, IPv6 addresses in a
 * map. The first device given an address or MAC keeps it. Safe to read from any number of threads
 * once built.
 */
public final class DeviceDirectory implements Directory {

    /** What a look-up returns for an address or MAC no device has. */
    public static final int NONE = -1;

    private final Device[] devices;
    private final Addresses4 byAddress4;
    private final Map<Ip, Integer> byAddress6;
    private final Macs byMac;

    private DeviceDirectory(Device[] devices, Addresses4 byAddress4, Map<Ip, Integer> byAddress6, Macs byMac) {
        this.devices = devices;
        this.byAddress4 = byAddress4;
        this.byAddress6 = byAddress6;
        this.byMac = byMac;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects devices by address and MAC; {@link #build} makes the directory. */
    public static final class Builder {
        /** Each distinct device (records equal by their fields: one device given an address and a MAC) and its number. */
        private final Map<Device, Integer> numbers = new LinkedHashMap<>();

        private final Map<Integer, Integer> v4 = new HashMap<>();
        private final Map<Ip, Integer> v6 = new HashMap<>();
        private final Map<Long, Integer> macs = new HashMap<>();

        private Builder() {}

        private Integer number(Device device) {
            return numbers.computeIfAbsent(device, d -> numbers.size());
        }

        /** The device at this address, unless another already has it. */
        public Builder address(Ip address, Device device) {
            if (address.v4()) {
                if (!v4.containsKey((int) address.low())) {
                    v4.put((int) address.low(), number(device));
                }
            } else if (!v6.containsKey(address)) {
                v6.put(address, number(device));
            }
            return this;
        }

        /** The device with this MAC (its 48 bits), unless another already has it. */
        public Builder mac(long mac, Device device) {
            if (mac >= 0 && mac < (1L << 48) && !macs.containsKey(mac)) {
                macs.put(mac, number(device));
            }
            return this;
        }

        public DeviceDirectory build() {
            return new DeviceDirectory(
                    numbers.keySet().toArray(Device[]::new), new Addresses4(v4), Map.copyOf(v6), new Macs(macs));
        }
    }

    /** How many devices there are: their numbers are 0 up to this. */
    public int devices() {
        return devices.length;
    }

    /** The device with this number. */
    public Device device(int number) {
        return devices[number];
    }

    /** The number of the device at an IPv4 address given as its 32 bits, or {@link #NONE}. */
    public int number4(int address) {
        return byAddress4.get(address);
    }

    /** The number of the device at an address, or {@link #NONE}. */
    public int number(Ip address) {
        if (address.v4()) {
            return byAddress4.get((int) address.low());
        }
        Integer number = byAddress6.get(address);
        return number == null ? NONE : number;
    }

    /** The number of the device with a MAC (its 48 bits), or {@link #NONE}. */
    public int numberByMac(long mac) {
        return mac < 0 || mac >= (1L << 48) ? NONE : byMac.get(mac);
    }

    @Override
    public @Nullable Device byAddress(Ip address) {
        return orNull(number(address));
    }

    @Override
    public @Nullable Device byAddress4(int address) {
        return orNull(byAddress4.get(address));
    }

    @Override
    public @Nullable Device byMac(long mac) {
        return orNull(numberByMac(mac));
    }

    private @Nullable Device orNull(int number) {
        return number == NONE ? null : devices[number];
    }

    /** How many addresses have a device. */
    public int size() {
        return byAddress4.size + byAddress6.size();
    }

    /** Linear probing over arrays at most half full, from a multiplicative hash of the key. */
    private static int slot(long key, int mask) {
        long h = key * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private static int capacity(int entries) {
        return Integer.highestOneBit(Math.max(16, entries * 2 - 1)) << 1;
    }

    /**
     * IPv4 addresses to numbers: each slot holds the address in its top 32 bits and the number plus
     * one below, so that 0 marks an empty slot and a look-up reads one long.
     */
    private static final class Addresses4 {
        private final long[] slots;
        private final int mask;
        final int size;

        Addresses4(Map<Integer, Integer> entries) {
            slots = new long[capacity(entries.size())];
            mask = slots.length - 1;
            size = entries.size();
            for (Map.Entry<Integer, Integer> e : entries.entrySet()) {
                int i = slot(e.getKey(), mask);
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = ((long) e.getKey() << 32) | (e.getValue() + 1L);
            }
        }

        int get(int address) {
            for (int i = slot(address, mask); ; i = (i + 1) & mask) {
                long s = slots[i];
                if (s == 0) {
                    return NONE;
                }
                if ((int) (s >>> 32) == address) {
                    return (int) s - 1;
                }
            }
        }
    }

    /** MACs (48 bits) to numbers; a MAC is held plus one, so that 0 marks an empty slot. */
    private static final class Macs {
        private final long[] keys;
        private final int[] numbers;
        private final int mask;

        Macs(Map<Long, Integer> entries) {
            keys = new long[capacity(entries.size())];
            numbers = new int[keys.length];
            mask = keys.length - 1;
            for (Map.Entry<Long, Integer> e : entries.entrySet()) {
                int i = slot(e.getKey(), mask);
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = e.getKey() + 1;
                numbers[i] = e.getValue();
            }
        }

        int get(long mac) {
            long held = mac + 1;
            for (int i = slot(mac, mask); ; i = (i + 1) & mask) {
                long k = keys[i];
                if (k == held) {
                    return numbers[i];
                }
                if (k == 0) {
                    return NONE;
                }
            }
        }
    }
}
