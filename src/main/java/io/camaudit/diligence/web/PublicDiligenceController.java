package io.camaudit.diligence.web;

import io.camaudit.diligence.Diligence;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The public list of suppliers asked for due diligence: by whom, when, and where each request
 * stands ("asked on 2021-08-01; no reply after 240 days"), for a body or the Commissioner to
 * publish. Only requests their requester chose to publish are listed, and only these facts.
 */
@Controller
class PublicDiligenceController {

    private final Diligence diligence;

    PublicDiligenceController(Diligence diligence) {
        this.diligence = diligence;
    }

    @GetMapping("/public/diligence")
    @PreAuthorize("permitAll()")
    String list(Model model) {
        model.addAttribute("requests", diligence.published());
        return "diligence/public";
    }

    @GetMapping("/public/diligence.csv")
    @PreAuthorize("permitAll()")
    ResponseEntity<byte[]> csv() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"due-diligence-requests.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(diligence.publishedCsv().getBytes(StandardCharsets.UTF_8));
    }
}
