package io.camaudit.intel.engine;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a listing: a named company, or every company of a country (the UK instruction
 * covers companies subject to the PRC National Intelligence Law, not named ones).
 */
public record ListingEntry(
        String listing,
        @Nullable String company,
        @Nullable String country,
        String listedOn,
        String scope,
        List<String> sources,
        String checked) {

    public boolean covers(Company candidate) {
        return company != null
                ? company.equals(candidate.id())
                : country != null && country.equals(candidate.country());
    }
}
