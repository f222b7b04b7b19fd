package io.camaudit.egress.engine;

/** One egress rule of the reference data: its kind (the logic), its severity, its parameter, and its title and source. */
public record Rule(String id, Kind kind, Severity severity, String parameter, String title, String source) {

    /** What a rule looks for. */
    public enum Kind {
        /** Any address outside the body's networks (and its allow-list). */
        OUTSIDE,
        /** A destination whose country is one of the parameter's (CN|HK). */
        JURISDICTION,
        /** A vendor endpoint, by the name the device looked up, the port, or the network. */
        ENDPOINT,
        /** A DNS answer naming a vendor endpoint to a device, whether or not a flow followed. */
        LOOKUP,
        /** More than the parameter's bytes out in an hour. */
        VOLUME
    }

    public enum Severity {
        LOW,
        MEDIUM,
        HIGH
    }
}
