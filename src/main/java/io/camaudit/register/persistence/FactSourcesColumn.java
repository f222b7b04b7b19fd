package io.camaudit.register.persistence;

import io.camaudit.register.DeviceField;
import io.camaudit.register.FactSources;
import io.camaudit.register.Provenance;
import io.camaudit.register.ProvenanceKind;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code device.fact_sources} column: the facts whose provenance is older than the device's
 * last write, as a JSON object keyed by field, e.g. {@code {"FIRMWARE": {"kind": "IMPORTED",
 * "source": "imported from estate.csv row 4", "at": "2026-11-02T10:00:00Z", "by": "jsmith"}}}.
 * Null when there are none, which is the case for a device written once.
 */
final class FactSourcesColumn {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FactSourcesColumn() {}

    static @Nullable String write(FactSources sources) {
        if (sources.earlier().isEmpty()) {
            return null;
        }
        ObjectNode object = JSON.createObjectNode();
        sources.earlier()
                .forEach((field, provenance) -> object.putObject(field.name())
                        .put("kind", provenance.kind().name())
                        .put("source", provenance.source())
                        .put("at", provenance.recordedAt().toString())
                        .put("by", provenance.recordedBy()));
        return JSON.writeValueAsString(object);
    }

    static FactSources read(@Nullable String column) {
        if (column == null || column.isEmpty()) {
            return FactSources.NONE;
        }
        Map<DeviceField, Provenance> earlier = new EnumMap<>(DeviceField.class);
        JsonNode object = JSON.readTree(column);
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            JsonNode p = entry.getValue();
            earlier.put(
                    DeviceField.valueOf(entry.getKey()),
                    new Provenance(
                            ProvenanceKind.valueOf(p.get("kind").asString()),
                            p.get("source").asString(),
                            Instant.parse(p.get("at").asString()),
                            p.get("by").asString()));
        }
        return new FactSources(earlier);
    }
}
