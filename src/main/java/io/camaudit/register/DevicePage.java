package io.camaudit.register;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of devices. {@code matching} counts the matches up to {@link #COUNT_LIMIT}; beyond that
 * the page says "more than" rather than counting a million rows on every request.
 */
public record DevicePage(
        List<DeviceRow> rows,
        long matching,
        boolean moreThanCounted,
        @Nullable Long nextAfter,
        @Nullable Long previousBefore) {

    public static final int COUNT_LIMIT = 10_000;
}
