package io.camaudit.intel;

import io.camaudit.intel.engine.Policy;
import io.camaudit.intel.engine.Verdict;
import java.util.List;

/** What an organisation's policy flags in its register, site by site, and how much is still to resolve. */
public record OrganisationFlags(
        long organisationId, Policy policy, List<Flag> flags, long pending, String bundleVersion) {

    public long devices(Verdict verdict) {
        return flags.stream()
                .filter(f -> f.verdict() == verdict)
                .mapToLong(Flag::devices)
                .sum();
    }
}
