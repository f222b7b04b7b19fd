package io.camaudit.discovery.engine;

/**
 * What one rule concluded from one observation: an attribute (maker, brand, model, firmware,
 * serial, mac, kind), its value, the rule's confidence, and the evidence (the probe, port and
 * field, the bytes matched, the rule and its source).
 */
public record Claim(
        String attribute,
        String value,
        double confidence,
        String ruleId,
        Observation observation,
        String matched,
        String source,
        boolean verifiedSource) {

    /** "sadp/37020 sadp.model = DS-2CD2143G0-I matched by hik-sadp-model". */
    public String evidence() {
        return observation.probe() + (observation.port() == 0 ? "" : "/" + observation.port()) + " "
                + observation.field() + " \"" + matched + "\" (rule " + ruleId + ")";
    }
}
