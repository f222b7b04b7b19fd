package io.camaudit.intel;

import io.camaudit.intel.engine.Reason;
import io.camaudit.intel.engine.Verdict;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * In-service devices of one maker at one site (or with no site), and what the organisation's
 * policy says of them there, with the reasons.
 */
public record Flag(
        @Nullable Long siteId,
        String siteName,
        boolean sensitiveSite,
        @Nullable String maker,
        String makerName,
        @Nullable String soldAs,
        long devices,
        Verdict verdict,
        List<Reason> reasons) {}
