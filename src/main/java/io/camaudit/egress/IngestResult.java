package io.camaudit.egress;

import java.util.List;

/**
 * What one file (or one window of the collector) gave: its kind, records read, the problems named,
 * flows from registered devices, the alerts it raised or added to, and which of those it raised
 * anew ({@code raised}: the ids of alerts new to the body, or resolved before and seen again), so
 * that a feed can say each alert once rather than every time more flows are counted into it.
 */
public record IngestResult(
        String file,
        String kind,
        boolean gzipped,
        long records,
        List<String> problems,
        long flows,
        long fromDevices,
        List<AlertView> alerts,
        List<Long> raised,
        String geoData,
        String dataVersion) {}
