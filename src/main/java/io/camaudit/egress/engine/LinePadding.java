package io.camaudit.egress.engine;

/**
 * The first fields of an object that two threads read on every flow or datagram: 128 bytes of
 * padding, so that none of the object's own fields shares a cache line with whatever precedes it
 * in memory (a processor fetches lines in pairs, so two lines). Were a field another thread
 * writes on such a line, every read would fetch the line back from the writer's core: when the
 * decoding thread's counters shared a line with the analysis's, the pipeline took half as long
 * again as its two threads apart (ADR 010). The object and its neighbours are moved by the garbage
 * collector, so only padding keeps them apart. HotSpot lays out a superclass's fields before its
 * subclass's; the {@code int} fills the gap after the object's header, where a subclass's field
 * would otherwise go. The subclass ends with padding of its own ({@link #LONGS} longs).
 */
@SuppressWarnings("unused") // never read: they take up the space
abstract class LinePadding {

    /** Longs in 128 bytes: the padding a subclass puts after its fields, and the spacing of counters in an array. */
    static final int LONGS = 16;

    private int gap;
    private long p01;
    private long p02;
    private long p03;
    private long p04;
    private long p05;
    private long p06;
    private long p07;
    private long p08;
    private long p09;
    private long p10;
    private long p11;
    private long p12;
    private long p13;
    private long p14;
    private long p15;
    private long p16;
}
