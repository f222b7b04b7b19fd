package io.camaudit.register;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.jspecify.annotations.Nullable;

/**
 * What a bulk import did to register rows: created them, or updated one from {@code beforeState}
 * (JSON) leaving it at {@code afterVersion}. Enough to undo the import exactly. Rows created
 * together with consecutive ids are one change, for ids {@code entityId} to {@code lastEntityId}:
 * an import of 100,000 new devices records about a hundred changes, not 100,000.
 */
public record EstateChange(
        String entityType,
        long entityId,
        String kind,
        @Nullable String beforeState,
        @Nullable Integer afterVersion,
        long lastEntityId) {

    public static final String CREATED = "CREATED";
    public static final String UPDATED = "UPDATED";

    public EstateChange {
        if (lastEntityId < entityId) {
            throw new IllegalArgumentException("a change's ids run from " + entityId + ", not to " + lastEntityId);
        }
        if (lastEntityId != entityId && !CREATED.equals(kind)) {
            throw new IllegalArgumentException("only creations cover a run of ids");
        }
    }

    /** A change to one row. */
    public EstateChange(
            String entityType,
            long entityId,
            String kind,
            @Nullable String beforeState,
            @Nullable Integer afterVersion) {
        this(entityType, entityId, kind, beforeState, afterVersion, entityId);
    }

    /** The ids of the rows the change covers. */
    public LongStream ids() {
        return LongStream.rangeClosed(entityId, lastEntityId);
    }

    /** The creation of rows with these ids (in any order), one change per run of consecutive ids. */
    public static List<EstateChange> created(String entityType, List<Long> ids) {
        long[] sorted = ids.stream().mapToLong(Long::longValue).sorted().toArray();
        List<EstateChange> changes = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= sorted.length; i++) {
            if (i == sorted.length || sorted[i] != sorted[i - 1] + 1) {
                changes.add(new EstateChange(entityType, sorted[from], CREATED, null, 0, sorted[i - 1]));
                from = i;
            }
        }
        return changes;
    }
}
