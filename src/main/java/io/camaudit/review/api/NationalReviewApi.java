package io.camaudit.review.api;

import io.camaudit.review.NationalReview;
import io.camaudit.review.engine.NationalPicture;
import io.camaudit.shared.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The national review as JSON. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "National review", description = "Where the country stands: listed makers' devices across the bodies")
class NationalReviewApi {

    private final NationalReview review;

    NationalReviewApi(NationalReview review) {
        this.review = review;
    }

    /** The national figures: shares of bodies running listed makers' devices, and devices by maker and brand. */
    record Figures(
            String bundle,
            long bodies,
            long devices,
            long unresolved,
            NationalPicture.Share overall,
            List<NationalPicture.Share> bySector,
            List<NationalPicture.Share> byRegion,
            List<NationalPicture.Share> byListedMaker,
            List<NationalPicture.Devices> byMaker,
            List<NationalPicture.Devices> byBrand,
            List<NationalReview.Listed> listed) {}

    @GetMapping("/review/national")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'AUDITOR')")
    @Operation(summary = "The national figures (the Commissioner's office and administrators)")
    Figures national(Viewer viewer) {
        NationalPicture p = review.picture(viewer);
        return new Figures(
                review.bundleVersion(),
                p.bodies(),
                p.devices(),
                p.unresolved(),
                p.overall(),
                p.bySector(),
                p.byRegion(),
                p.byListedMaker(),
                p.byMaker(false),
                p.byMaker(true),
                review.listed());
    }
}
