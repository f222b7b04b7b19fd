package io.camaudit.egress.engine;

/** Where parsers put what they read: flows, and the DNS answers some inputs carry. */
public interface FlowSink {

    void flow(Flow flow);

    default void dns(DnsAnswer answer) {}
}
