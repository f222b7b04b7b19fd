package io.camaudit.diligence.web;

import io.camaudit.diligence.Diligence;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An evidence file as a download: always an attachment (never shown in the page's origin), typed
 * by what its content was checked to be, never sniffed again by the browser.
 */
final class Downloads {

    private Downloads() {}

    static ResponseEntity<byte[]> of(Diligence.StoredFile file) {
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.name(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .body(file.content());
    }
}
