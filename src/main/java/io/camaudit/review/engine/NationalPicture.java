package io.camaudit.review.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The national figures from the register's counts: how many bodies run at least one in-service
 * device whose maker is on a listing (the 2022 Freedom of Information survey's figure: about 61%,
 * some 2,800 of 4,500 bodies), overall and by sector, region and listed maker; and in-service
 * devices by maker and by the brand they were sold as. Fed one count at a time, so the same code
 * serves a register of any size.
 */
public final class NationalPicture {

    /** One body of the register, with its sector and region (their labels). */
    public record Body(long id, String name, String sector, String region) {}

    /** One share: of {@code of} bodies, {@code count} run listed makers' devices. */
    public record Share(String group, @Nullable String makerId, long count, long of) {
        public int percent() {
            return of == 0 ? 0 : Math.round(100f * count / of);
        }
    }

    /** Devices of one maker (or, with a brand, sold under that brand). */
    public record Devices(
            String makerId, String maker, @Nullable String brand, boolean listed, long devices, long bodies) {}

    private final Map<Long, Body> bodies = new LinkedHashMap<>();
    private final Set<String> listed;
    private final Map<String, String> makerNames;
    private final Map<Long, Set<String>> listedMakersOfBody = new HashMap<>();
    private final Map<String, long[]> byMaker = new TreeMap<>(); // maker -> {devices}
    private final Map<String, Set<Long>> bodiesByMaker = new HashMap<>();
    private final Map<String, long[]> byBrand = new TreeMap<>(); // maker \t brand -> {devices}
    private final Map<String, Set<Long>> bodiesByBrand = new HashMap<>();
    private long devices;
    private long unresolved;

    /**
     * @param listed the makers (intel company ids) on a listing, directly or through their group
     * @param makerNames each maker's name, for the tables
     */
    public NationalPicture(Set<String> listed, Map<String, String> makerNames) {
        this.listed = Set.copyOf(listed);
        this.makerNames = Map.copyOf(makerNames);
    }

    public void body(Body body) {
        bodies.put(body.id(), body);
    }

    /** {@code count} in-service devices of a body, by resolved maker (null where unresolved) and brand. */
    public void devices(long bodyId, @Nullable String maker, @Nullable String brand, long count) {
        devices += count;
        if (maker == null) {
            unresolved += count;
            return;
        }
        if (listed.contains(maker)) {
            listedMakersOfBody.computeIfAbsent(bodyId, b -> new HashSet<>()).add(maker);
        }
        byMaker.computeIfAbsent(maker, m -> new long[1])[0] += count;
        bodiesByMaker.computeIfAbsent(maker, m -> new HashSet<>()).add(bodyId);
        if (brand != null && !brand.isBlank()) {
            String key = maker + "\t" + brand;
            byBrand.computeIfAbsent(key, k -> new long[1])[0] += count;
            bodiesByBrand.computeIfAbsent(key, k -> new HashSet<>()).add(bodyId);
        }
    }

    public long bodies() {
        return bodies.size();
    }

    public long devices() {
        return devices;
    }

    public long unresolved() {
        return unresolved;
    }

    /** Every body's share: those running at least one listed maker's device. */
    public Share overall() {
        return new Share("All bodies", null, listedMakersOfBody.size(), bodies.size());
    }

    public List<Share> bySector() {
        return grouped(Body::sector);
    }

    public List<Share> byRegion() {
        return grouped(Body::region);
    }

    private List<Share> grouped(java.util.function.Function<Body, String> key) {
        Map<String, long[]> groups = new TreeMap<>();
        for (Body b : bodies.values()) {
            long[] g = groups.computeIfAbsent(key.apply(b), k -> new long[2]);
            g[1]++;
            if (listedMakersOfBody.containsKey(b.id())) {
                g[0]++;
            }
        }
        List<Share> out = new ArrayList<>();
        groups.forEach((group, g) -> out.add(new Share(group, null, g[0], g[1])));
        return out;
    }

    /** For each listed maker, the bodies running its devices, of all bodies; most first. */
    public List<Share> byListedMaker() {
        List<Share> out = new ArrayList<>();
        for (String maker : listed) {
            Set<Long> with = bodiesByMaker.getOrDefault(maker, Set.of());
            if (!with.isEmpty()) {
                out.add(new Share(name(maker), maker, with.size(), bodies.size()));
            }
        }
        out.sort(Comparator.comparingLong(Share::count).reversed().thenComparing(Share::group));
        return out;
    }

    /** Devices by maker, most first; with {@code brands}, by maker and the brand sold. */
    public List<Devices> byMaker(boolean brands) {
        List<Devices> out = new ArrayList<>();
        if (brands) {
            byBrand.forEach((key, n) -> {
                String[] parts = key.split("\t", 2);
                out.add(new Devices(
                        parts[0],
                        name(parts[0]),
                        parts[1],
                        listed.contains(parts[0]),
                        n[0],
                        bodiesByBrand.get(key).size()));
            });
        } else {
            byMaker.forEach((maker, n) -> out.add(new Devices(
                    maker,
                    name(maker),
                    null,
                    listed.contains(maker),
                    n[0],
                    bodiesByMaker.get(maker).size())));
        }
        out.sort(Comparator.comparingLong(Devices::devices).reversed().thenComparing(Devices::maker));
        return out;
    }

    /** The bodies running a maker's devices (every body with a listed maker's, for null), by name. */
    public List<Body> bodiesRunning(@Nullable String maker) {
        List<Body> out = new ArrayList<>();
        for (Body b : bodies.values()) {
            boolean runs = maker == null
                    ? listedMakersOfBody.containsKey(b.id())
                    : bodiesByMaker.getOrDefault(maker, Set.of()).contains(b.id());
            if (runs) {
                out.add(b);
            }
        }
        out.sort(Comparator.comparing(Body::name));
        return out;
    }

    /** The listed makers a body runs, by name. */
    public List<String> listedMakersOf(long bodyId) {
        return listedMakersOfBody.getOrDefault(bodyId, Set.of()).stream()
                .map(this::name)
                .sorted()
                .toList();
    }

    private String name(String maker) {
        return makerNames.getOrDefault(maker, maker);
    }
}
