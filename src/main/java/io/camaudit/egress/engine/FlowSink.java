package io.camaudit.egress.engine;

/**
 * Where parsers put what they read: flows, and the DNS answers some inputs carry. A sink may also
 * say which IPv4 flows it would only count (the analysis, those to the body's own networks), so
 * that a decoder need not make them: nfdump's filter, pushed down into the parse.
 */
@FunctionalInterface
public interface FlowSink {

    void flow(Flow flow);

    default void dns(DnsAnswer answer) {}

    /**
     * Whether a flow to this IPv4 destination would only be counted. Called on the decoding thread,
     * which may not be the one {@link #flow} is called on: it must only read what does not change.
     */
    default boolean onlyCounts4(int destination) {
        return false;
    }

    /** An IPv4 flow the sink said it would only count, by its source; on the decoding thread, in turn. */
    default void counted4(int source, long sourceMac) {
        throw new IllegalStateException("this sink counts no flows apart");
    }
}
