package io.camaudit.intel.engine;

import java.util.List;

/**
 * A procurement check: what was asked, who makes it, the policy applied, the verdict and every
 * reason with its sources, and for context the maker's listings, owners and the findings about it.
 */
public record CheckResult(
        String subject,
        Resolution resolution,
        Policy policy,
        boolean sensitiveSite,
        Verdict verdict,
        List<Reason> reasons,
        List<ListingEntry> listings,
        List<Ownership> ownership,
        List<Finding> findings,
        String bundleVersion) {}
