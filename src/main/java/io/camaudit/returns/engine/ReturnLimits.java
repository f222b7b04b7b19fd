package io.camaudit.returns.engine;

/** Bounds on what a return may contain, so that a hostile file cannot exhaust memory or time. */
public record ReturnLimits(long maxBytes, long maxRows, int maxColumns, int maxCellLength, long maxUncompressedBytes) {

    /**
     * 200 MB and 2 million rows hold the largest recorder export we expect with room to spare; an
     * XLSX may inflate to 1 GB, which a 100,000-row return does not approach.
     */
    public static final ReturnLimits DEFAULT = new ReturnLimits(200L << 20, 2_000_000, 200, 2_000, 1L << 30);
}
