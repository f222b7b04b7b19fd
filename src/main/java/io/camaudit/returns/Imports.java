package io.camaudit.returns;

import io.camaudit.audit.AuditLog;
import io.camaudit.register.EstateImport;
import io.camaudit.register.ImportedDevice;
import io.camaudit.register.Provenance;
import io.camaudit.register.Register;
import io.camaudit.returns.engine.PipelinedRead;
import io.camaudit.returns.engine.ReturnDevice;
import io.camaudit.returns.engine.ReturnFileException;
import io.camaudit.returns.engine.ReturnLimits;
import io.camaudit.returns.engine.ReturnReader;
import io.camaudit.returns.engine.ReturnReport;
import io.camaudit.returns.engine.ReturnRow;
import io.camaudit.returns.engine.ReturnSpool;
import io.camaudit.returns.persistence.ImportRows;
import io.camaudit.shared.ConflictException;
import io.camaudit.shared.NotFoundException;
import io.camaudit.shared.Viewer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a body's return in two steps: {@link #preview} reads and checks the file and keeps it,
 * writing nothing to the register; {@link #commit} applies it in one transaction. A committed
 * import can be undone.
 */
@Service
public class Imports {

    /** Devices are looked up and written this many at a time, which keeps memory flat. */
    static final int CHUNK = 1_000;

    private final ImportRows batches;
    private final EstateImport estate;
    private final Register register;
    private final AuditLog audit;
    private final Clock clock;
    private final Path uploads;
    private final ReturnLimits limits;

    Imports(
            ImportRows batches,
            EstateImport estate,
            Register register,
            AuditLog audit,
            Clock clock,
            @Value("${camaudit.data-dir}") Path dataDir) {
        this.batches = batches;
        this.estate = estate;
        this.register = register;
        this.audit = audit;
        this.clock = clock;
        this.uploads = dataDir.resolve("uploads");
        this.limits = ReturnLimits.DEFAULT;
    }

    /**
     * Stores and checks a return for an organisation. An unreadable file is recorded as rejected,
     * with the reason, so the officer sees why.
     */
    @Transactional
    public ImportBatch preview(Viewer viewer, long organisationId, String fileName, InputStream content) {
        register.organisation(viewer, organisationId);
        viewer.requireWrite(organisationId, "Organisation " + organisationId);
        String safeName = safeFileName(fileName);
        Path stored = store(content);
        String sha256 = stored.getFileName().toString();
        ReturnReport report;
        // The devices read are spooled for the commit, which then need not parse the file again.
        try (ReturnSpool.Writer spool = ReturnSpool.writer(spoolOf(sha256))) {
            report = new ReturnReader(limits).read(stored, CHUNK, spool);
            if (report.canCommit()) {
                spool.finish();
            }
        } catch (ReturnFileException e) {
            long id = batches.insert(
                    organisationId,
                    safeName,
                    sha256,
                    "?",
                    ImportStatus.REJECTED,
                    null,
                    e.getMessage(),
                    viewer.username(),
                    now());
            return batches.find(id).orElseThrow();
        }
        long id = batches.insert(
                organisationId,
                safeName,
                sha256,
                report.format().name(),
                ImportStatus.PREVIEWED,
                report,
                null,
                viewer.username(),
                now());
        return batches.find(id).orElseThrow();
    }

    /** Applies a previewed return to the register, all rows or none. */
    @Transactional
    public ImportBatch commit(Viewer viewer, long batchId) {
        ImportBatch batch = batch(viewer, batchId, true);
        viewer.requireWrite(batch.organisationId(), "Import " + batchId);
        if (batch.status() != ImportStatus.PREVIEWED) {
            throw new ConflictException("Import " + batchId + " is "
                    + batch.status().name().toLowerCase(java.util.Locale.ROOT) + " and cannot be committed");
        }
        if (!batch.canCommit()) {
            throw new ConflictException("Import " + batchId + " has errors; correct the file and upload it again");
        }
        EstateImport.Session session = estate.open(viewer, batch.organisationId());
        Instant at = now();
        Consumer<List<ReturnDevice>> write = chunk -> {
            estate.apply(
                    session,
                    chunk.stream()
                            .map(device -> imported(device, batch.fileName(), viewer, at))
                            .toList());
            batches.recordChanges(batchId, session.drainChanges());
        };
        Path spool = spoolOf(batch.fileSha256());
        if (!ReturnSpool.read(spool, batch.deviceCount(), CHUNK, write)) {
            // No intact spool (a preview by an earlier version, or a commit that rolled back after
            // removing it): the file is parsed again, on a second thread while this one writes.
            ReturnReport report =
                    PipelinedRead.read(new ReturnReader(limits), uploads.resolve(batch.fileSha256()), CHUNK, write);
            if (report.errors() > 0 || report.devices() != batch.deviceCount()) {
                // The stored file is content-addressed and was checked at preview; this means it was altered.
                throw new IllegalStateException("import " + batchId + " no longer reads as it did at preview");
            }
        }
        deleteQuietly(spool);
        batches.markCommitted(batchId, session.created(), session.updated(), session.unchanged(), at);
        audit.record(
                viewer.username(),
                "IMPORT",
                "import_batch",
                batchId,
                batch.organisationId(),
                "Imported " + batch.fileName() + ": " + session.created() + " devices added, " + session.updated()
                        + " updated, " + session.unchanged() + " unchanged",
                null,
                null);
        return batches.find(batchId).orElseThrow();
    }

    /** Reverses a committed import, or refuses if its devices have been changed since. */
    @Transactional
    public ImportBatch undo(Viewer viewer, long batchId) {
        ImportBatch batch = batch(viewer, batchId, true);
        viewer.requireWrite(batch.organisationId(), "Import " + batchId);
        if (!batch.canUndo()) {
            throw new ConflictException(
                    "Import " + batchId + " is " + batch.status().name().toLowerCase(java.util.Locale.ROOT)
                            + "; only a committed import can be undone");
        }
        estate.undo(viewer, batch.organisationId(), batches.changes(batchId));
        batches.markUndone(batchId, now());
        audit.record(
                viewer.username(),
                "UNDO_IMPORT",
                "import_batch",
                batchId,
                batch.organisationId(),
                "Undid import of " + batch.fileName(),
                null,
                null);
        return batches.find(batchId).orElseThrow();
    }

    @Transactional(readOnly = true)
    public ImportBatch batch(Viewer viewer, long batchId) {
        return batch(viewer, batchId, false);
    }

    @Transactional(readOnly = true)
    public List<ImportBatch> recent(Viewer viewer, @Nullable Long organisationId) {
        if (!viewer.seesEverything()) {
            return batches.recent(viewer.organisationId(), 100);
        }
        return batches.recent(organisationId, 100);
    }

    /** The committed import of the same file into the same organisation, if there was one. */
    @Transactional(readOnly = true)
    public @Nullable ImportBatch earlierImportOfSameFile(ImportBatch batch) {
        return batches.lastCommittedWithSameFile(batch.organisationId(), batch.fileSha256())
                .filter(earlier -> earlier.id() != batch.id())
                .orElse(null);
    }

    private ImportBatch batch(Viewer viewer, long batchId, boolean lock) {
        ImportBatch batch = (lock ? batches.findForUpdate(batchId) : batches.find(batchId))
                .orElseThrow(() -> new NotFoundException("Import " + batchId));
        viewer.requireRead(batch.organisationId(), "Import " + batchId);
        return batch;
    }

    private static ImportedDevice imported(ReturnDevice device, String fileName, Viewer viewer, Instant at) {
        ReturnRow row = device.row();
        return new ImportedDevice(
                row.siteName(),
                row.address(),
                row.postcode(),
                row.siteKind(),
                row.sensitive(),
                row.systemName(),
                device.naturalKey(),
                row.facts(),
                Provenance.imported(fileName, row.rowNumber(), viewer.username(), at));
    }

    /** Keeps the upload under its SHA-256, so a stored file cannot change under its batch. */
    private Path store(InputStream content) {
        try {
            Files.createDirectories(uploads);
            Path temp = Files.createTempFile(uploads, "upload-", ".part");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(content, digest)) {
                long copied = copyBounded(in, temp);
                if (copied == 0) {
                    Files.deleteIfExists(temp);
                    throw new ReturnFileException("The file is empty");
                }
            } catch (ReturnFileException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
            Path target = uploads.resolve(HexFormat.of().formatHex(digest.digest()));
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("the upload could not be stored", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private long copyBounded(InputStream in, Path target) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        try (var out = Files.newOutputStream(target)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > limits.maxBytes()) {
                    throw new ReturnFileException("The file is larger than " + (limits.maxBytes() >> 20) + " MB");
                }
                out.write(buffer, 0, n);
            }
        }
        return total;
    }

    /** The last path segment, printable characters only: a name is shown, never used as a path. */
    static String safeFileName(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return "upload";
        }
        String last = name.replace('\\', '/');
        last = last.substring(last.lastIndexOf('/') + 1);
        StringBuilder out = new StringBuilder();
        for (char c : last.toCharArray()) {
            if (!Character.isISOControl(c)) {
                out.append(c);
            }
        }
        String cleaned = out.toString().strip();
        if (cleaned.isEmpty()) {
            return "upload";
        }
        return cleaned.length() > 200 ? cleaned.substring(cleaned.length() - 200) : cleaned;
    }

    /** Where a preview keeps the devices it read from the upload with this SHA-256. */
    private Path spoolOf(String sha256) {
        return uploads.resolve(sha256 + ".devices");
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A spool left behind is only disk space: it is checked whole before any later use.
        }
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
