package io.camaudit.register;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where each fact of a device came from. A device's own {@link Provenance} is that of the write
 * that last changed it; a fact that write left alone keeps the provenance it had, which is kept
 * here. Only such older provenances are stored, so a device written once has none.
 */
public record FactSources(Map<DeviceField, Provenance> earlier) {

    public static final FactSources NONE = new FactSources(Map.of());

    public FactSources {
        earlier = earlier.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(earlier));
    }

    /** The provenance of one fact of a device whose latest write had the given provenance. */
    public Provenance of(DeviceField field, Provenance latest) {
        return earlier.getOrDefault(field, latest);
    }

    /** Every fact's provenance, in field order. */
    public Map<DeviceField, Provenance> all(Provenance latest) {
        Map<DeviceField, Provenance> all = new EnumMap<>(DeviceField.class);
        for (DeviceField field : DeviceField.values()) {
            all.put(field, of(field, latest));
        }
        return Collections.unmodifiableMap(all);
    }

    /**
     * The sources after a write with provenance {@code now} replaces {@code before} (whose latest
     * write had {@code beforeProvenance}) with {@code after}: changed facts take the new provenance,
     * the others keep theirs.
     */
    public static FactSources afterWrite(
            DeviceField.Placed before,
            FactSources beforeSources,
            Provenance beforeProvenance,
            DeviceField.Placed after,
            Provenance now) {
        Map<DeviceField, Provenance> earlier = new EnumMap<>(DeviceField.class);
        for (DeviceField field : DeviceField.values()) {
            if (field.same(before, after)) {
                Provenance kept = beforeSources.of(field, beforeProvenance);
                if (!kept.equals(now)) {
                    earlier.put(field, kept);
                }
            }
        }
        return new FactSources(earlier);
    }
}
