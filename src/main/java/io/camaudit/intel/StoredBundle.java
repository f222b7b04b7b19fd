package io.camaudit.intel;

import java.time.Instant;

/** A bundle version on record, without its files: where it came from and who loaded it when. */
public record StoredBundle(
        String version, String title, String compiled, String origin, String loadedBy, Instant loadedAt) {}
