package io.camaudit.intel.engine;

import java.util.Optional;

/**
 * Where the policy engine learns whether a maker has answered due diligence. Until requests are
 * recorded, {@link #none()} says nothing of anyone, and a {@code diligence:overdue} rule never holds.
 */
@FunctionalInterface
public interface DiligenceRecords {

    Optional<DiligenceState> of(String companyId);

    static DiligenceRecords none() {
        return company -> Optional.empty();
    }
}
