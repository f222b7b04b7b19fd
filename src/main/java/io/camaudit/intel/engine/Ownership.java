package io.camaudit.intel.engine;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One owner's hold on a company: a parent's subsidiary, a controlling shareholder, a state
 * holding. {@code to} is set when the hold ended (a sale).
 */
public record Ownership(
        String company,
        String owner,
        String relation,
        @Nullable Boolean stateOwned,
        @Nullable Double sharePercent,
        @Nullable String from,
        @Nullable String to,
        @Nullable String notes,
        List<String> sources,
        String checked) {

    /** A current subsidiary relation, which makes the owner the company's group. */
    public boolean currentSubsidiary() {
        return relation.equals("subsidiary") && to == null;
    }
}
