package io.camaudit.returns;

import io.camaudit.returns.engine.ReturnReport;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One uploaded return and what became of it. */
public record ImportBatch(
        long id,
        long organisationId,
        String fileName,
        String fileSha256,
        String format,
        ImportStatus status,
        long rowCount,
        long deviceCount,
        long errorCount,
        long warningCount,
        long createdCount,
        long updatedCount,
        long unchangedCount,
        @Nullable ReturnReport report,
        @Nullable String rejection,
        String uploadedBy,
        Instant uploadedAt,
        @Nullable Instant committedAt,
        @Nullable Instant undoneAt) {

    public boolean canCommit() {
        return status == ImportStatus.PREVIEWED && report != null && report.canCommit();
    }

    public boolean canUndo() {
        return status == ImportStatus.COMMITTED;
    }
}
