package io.camaudit.egress;

import java.util.List;

/** What one file gave: its kind, records read, the problems named, flows from registered devices, and the alerts it raised or added to. */
public record IngestResult(
        String file,
        String kind,
        boolean gzipped,
        long records,
        List<String> problems,
        long flows,
        long fromDevices,
        List<AlertView> alerts,
        String geoData,
        String dataVersion) {}
