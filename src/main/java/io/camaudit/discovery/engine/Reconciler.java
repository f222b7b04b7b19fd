package io.camaudit.discovery.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Sets what a survey found beside what the body declared: each found device is matched to a
 * declared one by serial number, else MAC address, else IP address (the weakest: addresses are
 * reassigned), and the facts that differ are listed side by side; found devices that match none
 * are new; declared devices in service whose address lies in the scope but that did not answer
 * are "not seen". Plain data in, plain data out, so it runs anywhere.
 */
public final class Reconciler {

    /** A device as the register has it (only what reconciling needs). */
    public record Declared(
            long id,
            @Nullable String manufacturer,
            @Nullable String model,
            @Nullable String firmware,
            @Nullable String serial,
            @Nullable String mac,
            @Nullable String ip,
            boolean inService) {}

    /** A device as the survey found it. */
    public record Found(
            String address,
            @Nullable String maker,
            @Nullable String model,
            @Nullable String firmware,
            @Nullable String serial,
            @Nullable String mac) {}

    public enum MatchedBy {
        SERIAL,
        MAC,
        IP
    }

    /** One fact that differs: the register's value and the survey's. */
    public record Difference(String field, @Nullable String declared, String found) {}

    /** A found device and the declared device it matches (if any), with the differences. */
    public record Pairing(
            Found found,
            @Nullable Declared declared,
            @Nullable MatchedBy matchedBy,
            List<Difference> differences) {

        public boolean isNew() {
            return declared == null;
        }
    }

    public record Result(List<Pairing> pairings, List<Declared> notSeen) {}

    private Reconciler() {}

    /**
     * Reconciles; {@code scope} is what was swept, or null for a file, which only lists what it
     * lists (so nothing is "not seen").
     */
    public static Result reconcile(List<Found> found, List<Declared> declared, @Nullable Scope scope) {
        Map<String, Declared> bySerial = new HashMap<>();
        Map<String, Declared> byMac = new HashMap<>();
        Map<String, Declared> byIp = new HashMap<>();
        for (Declared d : declared) {
            putIfPresent(bySerial, serialKey(d.serial()), d);
            putIfPresent(byMac, macKey(d.mac()), d);
            putIfPresent(byIp, d.ip(), d);
        }
        Set<Long> matched = new HashSet<>();
        List<Pairing> pairings = new ArrayList<>();
        for (Found f : found) {
            Declared match = null;
            MatchedBy by = null;
            String serial = serialKey(f.serial());
            String mac = macKey(f.mac());
            if (serial != null
                    && bySerial.containsKey(serial)
                    && !matched.contains(bySerial.get(serial).id())) {
                match = bySerial.get(serial);
                by = MatchedBy.SERIAL;
            } else if (mac != null
                    && byMac.containsKey(mac)
                    && !matched.contains(byMac.get(mac).id())) {
                match = byMac.get(mac);
                by = MatchedBy.MAC;
            } else if (isIpv4(f.address())
                    && byIp.containsKey(f.address())
                    && !matched.contains(byIp.get(f.address()).id())) {
                match = byIp.get(f.address());
                by = MatchedBy.IP;
            }
            if (match != null) {
                matched.add(match.id());
            }
            pairings.add(new Pairing(f, match, by, match == null ? List.of() : differences(f, match)));
        }
        List<Declared> notSeen = new ArrayList<>();
        for (Declared d : declared) {
            if (scope != null
                    && d.inService()
                    && !matched.contains(d.id())
                    && d.ip() != null
                    && inScope(scope, d.ip())) {
                notSeen.add(d);
            }
        }
        return new Result(List.copyOf(pairings), List.copyOf(notSeen));
    }

    private static List<Difference> differences(Found f, Declared d) {
        List<Difference> out = new ArrayList<>();
        differ(out, "model", d.model(), f.model(), Reconciler::looseKey);
        differ(out, "firmware", d.firmware(), f.firmware(), Reconciler::looseKey);
        differ(out, "serial number", d.serial(), f.serial(), Reconciler::serialKey);
        differ(out, "MAC address", d.mac(), f.mac(), Reconciler::macKey);
        if (isIpv4(f.address())) { // a host known only by its MAC address has no address to compare
            differ(out, "IP address", d.ip(), f.address(), s -> s);
        }
        return List.copyOf(out);
    }

    /** A difference only where the survey found a value and it is not the register's, loosely compared. */
    private static void differ(
            List<Difference> out,
            String field,
            @Nullable String declared,
            @Nullable String found,
            java.util.function.Function<String, @Nullable String> key) {
        if (found == null || found.isBlank()) {
            return;
        }
        if (declared == null || !Objects.equals(key.apply(declared), key.apply(found))) {
            out.add(new Difference(field, declared, found));
        }
    }

    private static void putIfPresent(Map<String, Declared> map, @Nullable String key, Declared d) {
        if (key != null) {
            map.putIfAbsent(key, d);
        }
    }

    static @Nullable String serialKey(@Nullable String serial) {
        if (serial == null) {
            return null;
        }
        String key = serial.toUpperCase(Locale.ROOT).replaceAll("[^0-9A-Z]", "");
        return key.length() < 4 ? null : key;
    }

    static @Nullable String macKey(@Nullable String mac) {
        return mac == null ? null : Identifier.canonicalMac(mac);
    }

    private static @Nullable String looseKey(@Nullable String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "");
    }

    private static boolean isIpv4(String address) {
        return address.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private static boolean inScope(Scope scope, String ip) {
        try {
            if (!ip.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
                return false;
            }
            return scope.contains(java.net.InetAddress.getByName(ip));
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
