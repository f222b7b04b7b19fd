package io.camaudit.egress.engine;

/**
 * The IPv4 addresses a decoder met lately, so that the same camera or recorder in millions of
 * records is one object rather than millions (a flow stream repeats its addresses; allocating one
 * per record was a third of a file's parse). Direct-mapped and fixed in size: a miss replaces
 * the slot. One per decoder; the addresses are immutable and safe to hand to other threads.
 */
final class IpCache {

    private static final int SIZE = 1 << 13;
    private final Ip[] slots = new Ip[SIZE];

    Ip v4(int address) {
        int slot = (address * 0x9E37_79B9 >>> 19) & (SIZE - 1);
        Ip ip = slots[slot];
        if (ip == null || ip.low() != (address & 0xFFFF_FFFFL)) {
            ip = Ip.v4(address);
            slots[slot] = ip;
        }
        return ip;
    }
}
