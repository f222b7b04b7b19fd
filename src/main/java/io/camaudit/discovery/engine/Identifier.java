package io.camaudit.discovery.engine;

import io.camaudit.intel.engine.DeviceEvidence;
import io.camaudit.intel.engine.Resolution;
import io.camaudit.intel.engine.Resolver;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import org.jspecify.annotations.Nullable;

/**
 * Applies the fingerprint rules to a host's observations and settles each attribute on the value
 * with the strongest claim, noting strong claims that disagree; then asks the intel resolver who
 * ultimately makes what the rules found (brand, claimed maker, model, MAC), so that a relabelled
 * device reads "sold as X, made by Hikvision" with all of the evidence.
 */
public final class Identifier {

    /** Claims at least this strong that disagree with the chosen value are reported as conflicts. */
    static final double CONFLICT_AT = 0.8;

    /**
     * A maker claimed this strongly names the maker even where the intel bundle does not know it;
     * a weaker claim (a device's own ONVIF Manufacturer, which may be "IPCAM") only goes to the
     * resolver, which names the maker if it knows the name.
     */
    static final double NAMES_MAKER_AT = 0.7;

    private final Fingerprints fingerprints;
    private final Function<DeviceEvidence, Resolution> resolver;

    public Identifier(Fingerprints fingerprints, Resolver resolver) {
        this(fingerprints, resolver::resolve);
    }

    public Identifier(Fingerprints fingerprints, Function<DeviceEvidence, Resolution> resolver) {
        this.fingerprints = fingerprints;
        this.resolver = resolver;
    }

    public Fingerprints fingerprints() {
        return fingerprints;
    }

    public Identification identify(List<Observation> observations) {
        List<Claim> claims = new ArrayList<>();
        for (Observation observation : observations) {
            for (Fingerprint rule : fingerprints.rules()) {
                Matcher match = rule.match(observation);
                if (match == null) {
                    continue;
                }
                String matched = match.group();
                add(claims, rule, observation, matched, "maker", Fingerprint.fill(rule.maker(), match));
                add(claims, rule, observation, matched, "brand", Fingerprint.fill(rule.brand(), match));
                add(claims, rule, observation, matched, "model", Fingerprint.fill(rule.model(), match));
                add(claims, rule, observation, matched, "firmware", Fingerprint.fill(rule.firmware(), match));
                add(claims, rule, observation, matched, "serial", Fingerprint.fill(rule.serial(), match));
                add(claims, rule, observation, matched, "mac", Fingerprint.fill(rule.mac(), match));
                add(claims, rule, observation, matched, "kind", rule.kind());
                if (rule.maker() == null
                        && rule.brand() == null
                        && rule.model() == null
                        && rule.kind() == null
                        && rule.firmware() == null
                        && rule.serial() == null
                        && rule.mac() == null) {
                    // Evidence only ("a generic embedded server"): kept so the officer sees why it proves nothing.
                    claims.add(new Claim(
                            "note", rule.note(), 0, rule.id(), observation, matched, rule.source(), rule.verified()));
                }
            }
        }
        List<String> conflicts = new ArrayList<>();
        Chosen maker = choose(claims, "maker", conflicts);
        Chosen brand = choose(claims, "brand", conflicts);
        Chosen model = choose(claims, "model", conflicts);
        Chosen firmware = choose(claims, "firmware", conflicts);
        Chosen serial = choose(claims, "serial", conflicts);
        Chosen mac = choose(claims, "mac", conflicts);
        Chosen kind = choose(claims, "kind", new ArrayList<>()); // a camera is also a video server
        String canonicalMac = mac.value == null ? null : canonicalMac(mac.value);
        Resolution resolution = resolver.apply(new DeviceEvidence(maker.value, brand.value, model.value, canonicalMac));
        double confidence = Math.max(maker.confidence, resolution.resolved() ? resolution.confidence() : 0);
        return new Identification(
                maker.confidence >= NAMES_MAKER_AT ? maker.value : null,
                brand.value,
                model.value,
                firmware.value,
                serial.value,
                canonicalMac,
                kind.value,
                confidence,
                resolution,
                List.copyOf(claims),
                List.copyOf(conflicts),
                fingerprints.version());
    }

    private static void add(
            List<Claim> claims,
            Fingerprint rule,
            Observation observation,
            String matched,
            String attribute,
            @Nullable String value) {
        if (value != null) {
            claims.add(new Claim(
                    attribute,
                    value,
                    rule.confidence(),
                    rule.id(),
                    observation,
                    matched,
                    rule.source(),
                    rule.verified()));
        }
    }

    private record Chosen(@Nullable String value, double confidence) {}

    /** The value with the strongest claim; values differing only in case and spacing are one value. */
    private static Chosen choose(List<Claim> claims, String attribute, List<String> conflicts) {
        Map<String, Claim> strongest = new LinkedHashMap<>();
        for (Claim claim : claims) {
            if (claim.attribute().equals(attribute)) {
                strongest.merge(key(claim.value()), claim, (a, b) -> b.confidence() > a.confidence() ? b : a);
            }
        }
        if (strongest.isEmpty()) {
            return new Chosen(null, 0);
        }
        Claim best = strongest.values().stream()
                .max(Comparator.comparingDouble(Claim::confidence))
                .orElseThrow();
        for (Claim other : strongest.values()) {
            if (other != best && other.confidence() >= CONFLICT_AT) {
                conflicts.add(attribute + ": \"" + best.value() + "\" (" + best.ruleId() + ") but also \""
                        + other.value() + "\" (" + other.ruleId() + ")");
            }
        }
        return new Chosen(best.value(), best.confidence());
    }

    private static String key(String value) {
        return value.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "");
    }

    /** aa:bb:cc:dd:ee:ff from any of the usual spellings, or null where it is not a MAC address. */
    static @Nullable String canonicalMac(String text) {
        String hex = text.replaceAll("[^0-9A-Fa-f]", "");
        return hex.length() != 12 ? null : hex.toLowerCase(Locale.ROOT).replaceAll("(..)(?!$)", "$1:");
    }
}
