package io.camaudit.egress.engine;

/**
 * Where parsers put what they read: flows, and the DNS answers some inputs carry. A sink may also
 * say which IPv4 flows it would only count (the analysis, those to the body's own networks), so
 * that a decoder need not make them: nfdump's filter, pushed down into the parse.
 */
@FunctionalInterface
public interface FlowSink {

    void flow(Flow flow);

    /** Whether this sink takes IPv4 flows by their fields ({@link #flow4}) rather than as {@link Flow}s. */
    default boolean takesFields() {
        return false;
    }

    /**
     * An IPv4 flow by its fields, as a decoder reading fixed offsets has them (valid only during
     * the call): a sink that can use them as they are (the analysis) saves making the flow and its
     * addresses. Called only for a flow whose destination {@link #onlyCounts4} refused, so the sink
     * need not ask again.
     */
    default void flow4(FlowFields fields) {
        flow(fields.flow());
    }

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
