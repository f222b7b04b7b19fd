package io.camaudit.register;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of devices. {@code matching} counts the matches up to a limit ({@link
 * #BODY_COUNT_LIMIT} within one body, {@link #NATIONAL_COUNT_LIMIT} across bodies); beyond it the
 * page says "more than" ({@code moreThanCounted}) rather than count a million rows on every request.
 */
public record DevicePage(
        List<DeviceRow> rows,
        long matching,
        boolean moreThanCounted,
        @Nullable Long nextAfter,
        @Nullable Long previousBefore) {

    public static final int BODY_COUNT_LIMIT = 100_000;
    public static final int NATIONAL_COUNT_LIMIT = 1_000;
}
