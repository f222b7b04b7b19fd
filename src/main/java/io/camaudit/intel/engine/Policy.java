package io.camaudit.intel.engine;

import java.util.List;

/**
 * A procurement policy as data: rules over listings, ownership and due diligence, each giving a
 * verdict. A supplier no rule catches is eligible. {@code local} policies are an organisation's
 * own, kept in the register rather than the bundle.
 */
public record Policy(
        String id,
        String name,
        String description,
        int diligenceDeadlineDays,
        boolean isDefault,
        List<PolicyRule> rules,
        List<String> sources,
        String checked) {}
