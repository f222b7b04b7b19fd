package io.camaudit.intel.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Resolves what is known of a device to the company that really made it. Brand names are matched
 * whole-word after folding case, spacing and punctuation ("HIK VISION", "Hik-Vision"), then within
 * one or two letters for longer names ("Hikvison"); model numbers against each maker's grammar
 * (with or without their hyphens); a MAC address against the IEEE registries. Agreeing evidence
 * raises the confidence; evidence that names different makers leaves the device unresolved, for a
 * person to look at. A string nothing matches stays unknown: the resolver never guesses.
 *
 * <p>Thread-safe. What each field value yields is remembered (up to {@link #CACHE_LIMIT} values per
 * kind of field, then forgotten at once, so memory stays flat), since a register repeats the same
 * few thousand manufacturer and model strings across a million devices.
 */
public final class Resolver {

    static final int CACHE_LIMIT = 50_000;

    /** A MAC block is strong evidence of who built the network interface, and so the device. */
    static final double MAC_CONFIDENCE = 0.9;

    static final double LOCAL_CONFIDENCE = 0.95;

    /** A near miss ("Hikvison") counts for a little less than the name itself. */
    static final double FUZZY_FACTOR = 0.9;

    private final IntelBundle bundle;
    private final MacRegistry macs;
    private final Map<String, Alias> aliases = new HashMap<>();
    private final Map<Integer, List<Alias>> fuzzyByLength = new HashMap<>();
    private final int maxAliasWords;
    private final List<Line> lines = new ArrayList<>();
    private final List<Registered> registered = new ArrayList<>();
    private final Map<String, Found> brandFields = new ConcurrentHashMap<>();
    private final Map<String, Found> brandInModelFields = new ConcurrentHashMap<>();
    private final Map<String, Found> modelFields = new ConcurrentHashMap<>();
    private final Map<String, Found> macBlocks = new ConcurrentHashMap<>();
    private final Map<String, String> groups = new HashMap<>();

    /** A brand name or alias, or an administrator's mapping, as the squashed key it is found by. */
    private record Alias(
            String key,
            String text,
            int words,
            @Nullable Brand brand,
            @Nullable LocalMapping local) {}

    private record Line(ProductLine line, Pattern tolerant) {}

    private record Registered(List<String> words, RegistryName name) {}

    /** One piece of evidence for one maker. */
    private record Claim(
            String maker,
            double confidence,
            Evidence evidence,
            @Nullable String soldAs,
            @Nullable BrandRelation relation,
            boolean weak) {}

    public Resolver(IntelBundle bundle, List<LocalMapping> local, MacRegistry macs) {
        this.bundle = bundle;
        this.macs = macs;
        int words = 1;
        for (Brand brand : bundle.brands()) {
            List<String> names = new ArrayList<>();
            names.add(brand.name());
            names.addAll(brand.aliases());
            for (String name : names) {
                words = Math.max(
                        words,
                        add(new Alias(
                                Names.squash(name), name, Names.words(name).size(), brand, null)));
            }
        }
        // An administrator's mapping outranks the bundle's for the same string.
        for (LocalMapping mapping : local) {
            if (bundle.company(mapping.company()).isPresent()) {
                words = Math.max(
                        words,
                        add(new Alias(
                                Names.squash(mapping.text()),
                                mapping.text(),
                                Names.words(mapping.text()).size(),
                                null,
                                mapping)));
            }
        }
        this.maxAliasWords = words;
        for (ProductLine line : bundle.productLines()) {
            lines.add(new Line(
                    line, Pattern.compile(hyphensOptional(line.pattern().pattern()), Pattern.CASE_INSENSITIVE)));
        }
        for (Company company : bundle.companies()) {
            groups.put(company.id(), bundle.ultimateParent(company).id());
        }
        for (RegistryName name : bundle.registryNames()) {
            registered.add(new Registered(Names.words(name.organisation()), name));
        }
    }

    private int add(Alias alias) {
        if (alias.key().isEmpty()) {
            return 0;
        }
        Alias previous = aliases.put(alias.key(), alias);
        if (previous != null) {
            fuzzyByLength
                    .getOrDefault(previous.key().length(), new ArrayList<>())
                    .remove(previous);
        }
        if (alias.key().length() >= 5) {
            fuzzyByLength
                    .computeIfAbsent(alias.key().length(), n -> new ArrayList<>())
                    .add(alias);
        }
        return alias.words();
    }

    public IntelBundle bundle() {
        return bundle;
    }

    public Resolution resolve(DeviceEvidence device) {
        return compute(device);
    }

    private Resolution compute(DeviceEvidence device) {
        String version = bundle.version().text();
        if (device.isEmpty()) {
            return unresolved(
                    List.of(new Evidence(Evidence.Kind.NONE, "Nothing is stated about the device", List.of())),
                    version);
        }
        Map<String, Claim> claims = new LinkedHashMap<>();
        List<Evidence> notes = new ArrayList<>();
        String manufacturer = device.manufacturer();
        String brand = device.brand();
        String model = device.model();
        cached(brandFields, manufacturer, (c, n) -> brands(manufacturer, false, c, n), claims, notes);
        if (!same(brand, manufacturer)) {
            cached(brandFields, brand, (c, n) -> brands(brand, false, c, n), claims, notes);
        }
        if (!same(model, manufacturer) && !same(model, brand)) {
            cached(brandInModelFields, model, (c, n) -> brands(model, true, c, n), claims, notes);
        }
        cached(modelFields, model, (c, n) -> models(model, c), claims, notes);
        cached(modelFields, manufacturer, (c, n) -> models(manufacturer, c), claims, notes);
        cached(modelFields, brand, (c, n) -> models(brand, c), claims, notes);
        String mac = device.mac();
        if (mac != null) {
            // Only the block matters, and the longest block is 36 bits (nine hex digits).
            cached(macBlocks, mac.substring(0, 13), (c, n) -> mac(mac, c, n), claims, notes);
        }
        return combine(new ArrayList<>(claims.values()), notes, version);
    }

    /** What one field yields, remembered: a register repeats the same few thousand field values. */
    private record Found(Map<String, Claim> claims, List<Evidence> notes) {}

    private void cached(
            Map<String, Found> cache,
            @Nullable String key,
            java.util.function.BiConsumer<Map<String, Claim>, List<Evidence>> finder,
            Map<String, Claim> claims,
            List<Evidence> notes) {
        if (key == null || key.isBlank()) {
            return;
        }
        Found found = cache.get(key);
        if (found == null) {
            Map<String, Claim> own = new LinkedHashMap<>();
            List<Evidence> ownNotes = new ArrayList<>();
            finder.accept(own, ownNotes);
            found = new Found(java.util.Collections.unmodifiableMap(own), List.copyOf(ownNotes));
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(key, found);
        }
        if (!found.claims().isEmpty()) {
            found.claims().forEach(claims::putIfAbsent);
        }
        if (!found.notes().isEmpty()) {
            notes.addAll(found.notes());
        }
    }

    private static boolean same(@Nullable String a, @Nullable String b) {
        return a != null && a.equals(b);
    }

    /** Finds brand names in a field, longest first, then near misses if no name was found. */
    private void brands(@Nullable String text, boolean inModel, Map<String, Claim> claims, List<Evidence> notes) {
        if (text == null || text.isBlank()) {
            return;
        }
        List<String> words = Names.words(text);
        boolean[] used = new boolean[words.size()];
        boolean found = false;
        for (int length = Math.min(maxAliasWords, words.size()); length >= 1; length--) {
            for (int start = 0; start + length <= words.size(); start++) {
                if (anyUsed(used, start, length)) {
                    continue;
                }
                String key = String.join("", words.subList(start, start + length));
                Alias alias = aliases.get(key);
                // In a model field short names ("DH", "LTS") are too likely to be part of a model number.
                if (alias == null || (inModel && key.length() < 4)) {
                    continue;
                }
                java.util.Arrays.fill(used, start, start + length, true);
                found = true;
                claim(alias, text, 0, claims, notes);
            }
        }
        if (!found && !inModel) {
            nearMiss(words, text, claims, notes);
        }
    }

    private static boolean anyUsed(boolean[] used, int start, int length) {
        for (int i = start; i < start + length; i++) {
            if (used[i]) {
                return true;
            }
        }
        return false;
    }

    /**
     * A misspelt name: two edits away for names of ten letters or more, one for seven to nine, and
     * for five or six letters only two neighbouring letters swapped ("Dahau"), since one other edit
     * turns too many short words into a brand ("Busch" into Bosch).
     */
    private void nearMiss(List<String> words, String text, Map<String, Claim> claims, List<Evidence> notes) {
        Alias best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean ambiguous = false;
        for (int length = 1; length <= 2; length++) {
            for (int start = 0; start + length <= words.size(); start++) {
                String candidate = String.join("", words.subList(start, start + length));
                if (candidate.length() < 5) {
                    continue;
                }
                int allowed = allowedEdits(candidate.length());
                for (int n = candidate.length() - allowed; n <= candidate.length() + allowed; n++) {
                    for (Alias alias : fuzzyByLength.getOrDefault(n, List.of())) {
                        int limit = Math.min(allowed, allowedEdits(alias.key().length()));
                        if (alias.key().charAt(0) != candidate.charAt(0)) {
                            continue; // misspellings keep the first letter
                        }
                        int distance = Distance.damerauLevenshtein(candidate, alias.key(), limit);
                        if (distance > limit || (candidate.length() < 7 && !Distance.isSwap(candidate, alias.key()))) {
                            continue;
                        }
                        if (distance < bestDistance) {
                            best = alias;
                            bestDistance = distance;
                            ambiguous = false;
                        } else if (distance == bestDistance
                                && best != null
                                && !makerOf(best).equals(makerOf(alias))) {
                            ambiguous = true;
                        }
                    }
                }
            }
        }
        if (best != null && !ambiguous) {
            claim(best, text, bestDistance, claims, notes);
        } else if (best != null) {
            notes.add(new Evidence(
                    Evidence.Kind.CONFLICT,
                    "\u201c" + text + "\u201d is as close to several brands of different makers; it was not matched",
                    List.of()));
        }
    }

    private static int allowedEdits(int length) {
        return length >= 10 ? 2 : 1;
    }

    private static String makerOf(Alias alias) {
        if (alias.local() != null) {
            return alias.local().company();
        }
        Brand brand = alias.brand();
        return brand == null || brand.maker() == null ? "" : brand.maker();
    }

    private void claim(Alias alias, String text, int distance, Map<String, Claim> claims, List<Evidence> notes) {
        String quoted = "\u201c" + text.strip() + "\u201d";
        if (alias.local() != null) {
            LocalMapping local = alias.local();
            String name = bundle.company(local.company()).map(Company::name).orElse(local.company());
            claims.putIfAbsent(
                    "local:" + local.text(),
                    new Claim(
                            local.company(),
                            LOCAL_CONFIDENCE,
                            new Evidence(
                                    Evidence.Kind.LOCAL,
                                    quoted + " means " + name + ", as " + local.author() + " confirmed on "
                                            + local.recordedAt() + ": " + local.evidence(),
                                    List.of()),
                            null,
                            null,
                            false));
            return;
        }
        Brand brand = alias.brand();
        if (brand == null) {
            return;
        }
        String how = distance == 0
                ? quoted + " is the brand " + brand.name()
                : quoted + " is within " + distance + (distance == 1 ? " letter" : " letters") + " of the brand "
                        + brand.name();
        String dates = brand.from() == null && brand.to() == null
                ? ""
                : " (" + (brand.from() == null ? "" : "from " + brand.from())
                        + (brand.to() == null ? "" : " to " + brand.to()) + ")";
        if (brand.relation() == BrandRelation.LEAD) {
            notes.add(new Evidence(
                    Evidence.Kind.LEAD, how + ": " + brand.evidence() + "; not relied on", brand.sources()));
            return;
        }
        double confidence = brand.confidence() * (distance == 0 ? 1 : FUZZY_FACTOR);
        claims.putIfAbsent(
                "brand:" + brand.name(),
                new Claim(
                        java.util.Objects.requireNonNull(brand.maker()),
                        confidence,
                        new Evidence(Evidence.Kind.BRAND, how + ": " + brand.evidence() + dates, brand.sources()),
                        brand.name(),
                        brand.relation(),
                        brand.relation() == BrandRelation.PARTIAL_RELABEL));
    }

    /** Matches each word of a field (and hyphen-joined neighbours: "DS 2CD2143") against the grammars. */
    private void models(@Nullable String text, Map<String, Claim> claims) {
        if (text == null || text.isBlank()) {
            return;
        }
        List<String> tokens = tokens(text);
        for (Line line : lines) {
            for (String token : tokens) {
                if (line.tolerant().matcher(token).lookingAt()) {
                    ProductLine product = line.line();
                    String makerName =
                            bundle.company(product.maker()).map(Company::name).orElse(product.maker());
                    claims.putIfAbsent(
                            "model:" + product.pattern().pattern(),
                            new Claim(
                                    product.maker(),
                                    product.confidence(),
                                    new Evidence(
                                            Evidence.Kind.MODEL,
                                            "\u201c" + token + "\u201d has the form of " + product.description() + " ("
                                                    + product.pattern().pattern() + "\u2026, such as "
                                                    + product.example()
                                                    + ")",
                                            product.sources()),
                                    product.brand().equalsIgnoreCase(makerName) ? null : product.brand(),
                                    product.brand().equalsIgnoreCase(makerName) ? null : BrandRelation.OWN,
                                    false));
                    break;
                }
            }
        }
    }

    private static List<String> tokens(String text) {
        String[] parts = text.strip().split("[\\s,;]+");
        List<String> tokens = new ArrayList<>(parts.length * 2);
        for (int i = 0; i < parts.length; i++) {
            String token = trimPunctuation(parts[i]);
            if (!token.isEmpty()) {
                tokens.add(token);
                if (i + 1 < parts.length) {
                    String next = trimPunctuation(parts[i + 1]);
                    tokens.add(token + "-" + next);
                    tokens.add(token + next);
                }
            }
        }
        return tokens;
    }

    private static String trimPunctuation(String token) {
        int start = 0;
        int end = token.length();
        while (start < end && !Character.isLetterOrDigit(token.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(token.charAt(end - 1)) && token.charAt(end - 1) != ')') {
            end--;
        }
        return token.substring(start, end);
    }

    private void mac(@Nullable String mac, Map<String, Claim> claims, List<Evidence> notes) {
        if (mac == null) {
            return;
        }
        int firstOctet = Integer.parseInt(mac.substring(0, 2), 16);
        if ((firstOctet & 0x02) != 0) {
            notes.add(new Evidence(
                    Evidence.Kind.MAC,
                    "The MAC address is locally administered (randomised or set by software), so it says nothing"
                            + " about the maker",
                    List.of()));
            return;
        }
        Optional<MacRegistry.Registrant> found = macs.lookUp(mac);
        if (found.isEmpty()) {
            if (!macs.isEmpty()) {
                notes.add(new Evidence(
                        Evidence.Kind.MAC, "The MAC address lies in no block of the IEEE registries", List.of()));
            }
            return;
        }
        MacRegistry.Registrant registrant = found.get();
        String block =
                "The MAC address lies in the IEEE " + registrant.registry().label() + " block "
                        + registrant.assignment() + " registered to " + registrant.organisation();
        List<String> words = Names.words(registrant.organisation());
        Registered match = registered.stream()
                .filter(r -> words.size() >= r.words().size()
                        && words.subList(0, r.words().size()).equals(r.words()))
                .findFirst()
                .orElse(null);
        if (match == null) {
            notes.add(new Evidence(
                    Evidence.Kind.MAC, block + ", a company the intel bundle does not describe", List.of()));
            return;
        }
        Company company = bundle.company(match.name().company()).orElseThrow();
        List<String> sources = new ArrayList<>(match.name().sources());
        // A relabelling brand's own MAC block points at whoever makes its products.
        Brand relabel = bundle.brands().stream()
                .filter(b ->
                        company.id().equals(b.company()) && b.relation() == BrandRelation.RELABEL && b.maker() != null)
                .findFirst()
                .orElse(null);
        if (relabel == null && "brand-owner".equals(company.kind())) {
            // A brand owner that does not make its products, and no source says who does.
            notes.add(new Evidence(
                    Evidence.Kind.MAC,
                    block + " (" + company.name() + ", a brand owner; no source says who makes its products)",
                    sources));
            return;
        }
        if (relabel != null && "brand-owner".equals(company.kind())) {
            String maker = bundle.company(relabel.maker()).map(Company::name).orElse(relabel.maker());
            sources.addAll(relabel.sources());
            claims.putIfAbsent(
                    "mac",
                    new Claim(
                            java.util.Objects.requireNonNull(relabel.maker()),
                            Math.min(MAC_CONFIDENCE, relabel.confidence()),
                            new Evidence(
                                    Evidence.Kind.MAC,
                                    block + " (" + company.name() + "), whose products are relabelled " + maker,
                                    sources),
                            relabel.name(),
                            BrandRelation.RELABEL,
                            false));
            return;
        }
        claims.putIfAbsent(
                "mac",
                new Claim(
                        company.id(),
                        MAC_CONFIDENCE,
                        new Evidence(Evidence.Kind.MAC, block + " (" + company.name() + ")", sources),
                        null,
                        null,
                        false));
    }

    private Resolution combine(List<Claim> claims, List<Evidence> notes, String version) {
        if (claims.isEmpty()) {
            List<Evidence> evidence = new ArrayList<>(notes);
            evidence.add(new Evidence(Evidence.Kind.NONE, "No brand, model number or MAC block matched", List.of()));
            return unresolved(evidence, version);
        }
        Map<String, List<Claim>> byGroup = new LinkedHashMap<>();
        for (Claim claim : claims) {
            byGroup.computeIfAbsent(groupOf(claim.maker()), g -> new ArrayList<>())
                    .add(claim);
        }
        // A brand that also sells its own products (Honeywell) yields to a model or MAC naming another maker.
        boolean strongElsewhere = claims.stream().anyMatch(c -> !c.weak());
        if (strongElsewhere) {
            byGroup.values().removeIf(group -> group.stream().allMatch(Claim::weak));
        }
        List<Evidence> evidence = new ArrayList<>();
        claims.forEach(c -> evidence.add(c.evidence()));
        evidence.addAll(notes);
        if (byGroup.size() > 1) {
            List<String> makers = byGroup.keySet().stream()
                    .map(id -> bundle.company(id).map(Company::name).orElse(id))
                    .toList();
            evidence.add(new Evidence(
                    Evidence.Kind.CONFLICT,
                    "The evidence names different makers (" + String.join(", ", makers) + "); a person must decide",
                    List.of()));
            return unresolved(evidence, version);
        }
        Map.Entry<String, List<Claim>> only = byGroup.entrySet().iterator().next();
        double doubt = 1;
        for (Claim claim : only.getValue()) {
            doubt *= 1 - claim.confidence();
        }
        double confidence = Math.min(0.99, 1 - doubt);
        Company maker = bundle.company(only.getKey()).orElseThrow();
        Claim branded = claims.stream()
                .filter(c -> c.soldAs() != null && !c.soldAs().equalsIgnoreCase(maker.name()))
                .findFirst()
                .orElse(null);
        return new Resolution(
                maker.id(),
                maker.name(),
                branded == null ? null : branded.soldAs(),
                branded == null ? null : branded.relation(),
                Math.round(confidence * 1000) / 1000.0,
                List.copyOf(evidence),
                version);
    }

    private String groupOf(String companyId) {
        return groups.getOrDefault(companyId, companyId);
    }

    private static Resolution unresolved(List<Evidence> evidence, String version) {
        return new Resolution(null, null, null, null, 0, List.copyOf(evidence), version);
    }

    /** "DS-2CD\d" becomes "DS-?2CD\d": a hyphen outside a character class may be left out. */
    static String hyphensOptional(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length() + 8);
        boolean inClass = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                out.append(c).append(pattern.charAt(++i));
                continue;
            }
            if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            }
            out.append(c);
            if (c == '-' && !inClass) {
                out.append('?');
            }
        }
        return out.toString();
    }
}
