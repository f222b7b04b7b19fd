package io.camaudit.discovery.engine;

/**
 * One fact a probe read from a host: which probe, on which port (0 for none), which field (such as
 * {@code http.server} or {@code onvif.model}) and its value, as received (cut to 2,000 characters).
 */
public record Observation(String probe, int port, String field, String value) {

    static final int MAX_VALUE = 2_000;

    public Observation {
        value = value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE) : value;
    }

    @Override
    public String toString() {
        return probe + (port == 0 ? "" : "/" + port) + " " + field + " = " + value;
    }
}
