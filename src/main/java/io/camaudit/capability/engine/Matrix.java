package io.camaudit.capability.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a device's capability matrix from the documents the audit read, by the indicator rules,
 * and sets it beside what the body declared. A feature no document spoke of is "not known", never
 * "not present": an audit without credentials sees less, and says so.
 */
public final class Matrix {

    private final Indicators indicators;

    public Matrix(Indicators indicators) {
        this.indicators = indicators;
    }

    /**
     * @param declared the register's names of the capabilities the body declared for the device
     *     (as {@link Feature#declaredAs()}), or null where the device is not in the register
     */
    public List<FeatureState> assess(
            List<Document> documents, @org.jspecify.annotations.Nullable Set<String> declared) {
        Map<Feature, Reading> readings = new EnumMap<>(Feature.class);
        for (Document document : documents) {
            if (document.status() != Document.Status.READ) {
                continue;
            }
            for (Indicator rule : indicators.reading(document.probe(), document.name())) {
                for (Document.Entry entry : document.entries()) {
                    if (rule.matches(entry)) {
                        readings.computeIfAbsent(rule.feature(), f -> new Reading())
                                .add(rule, entry, document);
                    }
                }
            }
        }
        List<FeatureState> states = new ArrayList<>();
        for (Feature feature : Feature.values()) {
            Reading reading = readings.getOrDefault(feature, new Reading());
            Tristate declaredState = declared == null || feature.declaredAs() == null
                    ? Tristate.UNKNOWN
                    : declared.contains(feature.declaredAs()) ? Tristate.YES : Tristate.NO;
            states.add(reading.state(feature, declaredState));
        }
        return states;
    }

    /** The claims found for one feature. */
    private static final class Reading {
        private final Set<Claim> claims = java.util.EnumSet.noneOf(Claim.class);
        private final Set<String> details = new LinkedHashSet<>();
        private final List<Evidence> evidence = new ArrayList<>();

        void add(Indicator rule, Document.Entry entry, Document document) {
            claims.add(rule.claim());
            details.add(rule.detailFor(entry));
            evidence.add(new Evidence(
                    document.request(),
                    entry.path() + (entry.value().isEmpty() ? "" : " = " + entry.value()),
                    document.at(),
                    rule.id(),
                    rule.source()));
        }

        FeatureState state(Feature feature, Tristate declared) {
            boolean on = claims.contains(Claim.ENABLED);
            boolean off = claims.contains(Claim.DISABLED);
            boolean has = on || off || claims.contains(Claim.PRESENT);
            boolean hasNot = claims.contains(Claim.ABSENT);
            Tristate present = has ? Tristate.YES : hasNot ? Tristate.NO : Tristate.UNKNOWN;
            Tristate enabled = on ? Tristate.YES : off ? Tristate.NO : hasNot ? Tristate.NO : Tristate.UNKNOWN;
            boolean contradictory = (on && off) || (has && hasNot);
            return new FeatureState(
                    feature,
                    present,
                    enabled,
                    declared,
                    standing(feature, present, enabled, declared),
                    List.copyOf(details),
                    evidence,
                    contradictory);
        }

        private static FeatureState.Standing standing(
                Feature feature, Tristate present, Tristate enabled, Tristate declared) {
            if (enabled == Tristate.YES) {
                boolean undeclared = feature.kind() == Feature.Kind.CAPABILITY && declared == Tristate.NO;
                return undeclared ? FeatureState.Standing.UNDECLARED : FeatureState.Standing.ON;
            }
            if (present == Tristate.YES) {
                return enabled == Tristate.NO ? FeatureState.Standing.DORMANT : FeatureState.Standing.PRESENT;
            }
            if (present == Tristate.NO) {
                return declared == Tristate.YES
                        ? FeatureState.Standing.DECLARED_NOT_FOUND
                        : FeatureState.Standing.ABSENT;
            }
            return FeatureState.Standing.UNKNOWN;
        }
    }
}
