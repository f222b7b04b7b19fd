package io.camaudit.returns.api;

import io.camaudit.returns.ImportBatch;
import io.camaudit.returns.Imports;
import io.camaudit.returns.engine.ReturnFileException;
import io.camaudit.shared.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Imports by API: upload for a preview report, then commit or undo. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Imports", description = "Returns uploaded as CSV or XLSX, previewed, committed and undone")
class ImportApi {

    private final Imports imports;

    ImportApi(Imports imports) {
        this.imports = imports;
    }

    @PostMapping(path = "/organisations/{id}/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    @Operation(summary = "Upload a return; the answer is its preview report (nothing is written to the register)")
    ImportBatch upload(Viewer viewer, @PathVariable long id, @RequestPart("file") MultipartFile file)
            throws IOException {
        if (file.isEmpty()) {
            throw new ReturnFileException("The file is empty");
        }
        try (InputStream in = file.getInputStream()) {
            return imports.preview(viewer, id, file.getOriginalFilename(), in);
        }
    }

    @GetMapping("/imports")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Recent imports the caller may see")
    List<ImportBatch> recent(Viewer viewer, @RequestParam(required = false) @Nullable Long organisation) {
        return imports.recent(viewer, organisation);
    }

    @GetMapping("/imports/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One import, with its report")
    ImportBatch batch(Viewer viewer, @PathVariable long id) {
        return imports.batch(viewer, id);
    }

    @PostMapping("/imports/{id}/commit")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    @Operation(summary = "Apply a previewed import to the register, all rows or none")
    ImportBatch commit(Viewer viewer, @PathVariable long id) {
        return imports.commit(viewer, id);
    }

    @PostMapping("/imports/{id}/undo")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    @Operation(summary = "Undo a committed import")
    ImportBatch undo(Viewer viewer, @PathVariable long id) {
        return imports.undo(viewer, id);
    }
}
