package io.camaudit.review.web;

import io.camaudit.review.NationalReview;
import io.camaudit.review.engine.NationalPicture;
import io.camaudit.shared.NotFoundException;
import io.camaudit.shared.Viewer;
import io.camaudit.shared.report.BarChart;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The national review: the figures with their charts and tables, the bodies behind a figure, and
 * each table as CSV.
 */
@Controller
class NationalReviewController {

    private final NationalReview review;

    NationalReviewController(NationalReview review) {
        this.review = review;
    }

    @GetMapping("/review")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'AUDITOR')")
    String national(Viewer viewer, Model model) {
        NationalPicture picture = review.picture(viewer);
        model.addAttribute("picture", picture);
        model.addAttribute("overall", picture.overall());
        model.addAttribute("bySector", picture.bySector());
        model.addAttribute("byRegion", picture.byRegion());
        model.addAttribute("byListedMaker", picture.byListedMaker());
        model.addAttribute("byMaker", picture.byMaker(false));
        model.addAttribute("byBrand", picture.byMaker(true));
        model.addAttribute("listed", review.listed());
        model.addAttribute("bundle", review.bundleVersion());
        model.addAttribute(
                "sectorChart",
                shares("chart-sector", "Bodies running listed makers' devices, by sector", picture.bySector()));
        model.addAttribute(
                "regionChart",
                shares("chart-region", "Bodies running listed makers' devices, by region", picture.byRegion()));
        model.addAttribute(
                "makerChart",
                BarChart.svg(
                        "chart-maker",
                        "In-service devices by maker",
                        picture.byMaker(false).stream()
                                .limit(15)
                                .map(d -> new BarChart.Bar(
                                        d.maker(), d.devices(), String.format(Locale.UK, "%,d", d.devices())))
                                .toList(),
                        picture.byMaker(false).stream()
                                .mapToLong(NationalPicture.Devices::devices)
                                .max()
                                .orElse(0)));
        model.addAttribute("egress", review.egress(viewer));
        java.util.List<io.camaudit.remediation.engine.Progress.Month> months = review.remediation(viewer);
        model.addAttribute("remediation", months);
        model.addAttribute(
                "remediationChart",
                BarChart.svg(
                        "chart-remediation",
                        "Remediation actions done across every body, month by month",
                        io.camaudit.remediation.engine.Progress.bars(months),
                        100));
        model.addAttribute("diligenceStates", review.diligenceStates(viewer));
        model.addAttribute("capabilities", review.capabilities(viewer));
        return "review/national";
    }

    private static String shares(String id, String title, List<NationalPicture.Share> shares) {
        return BarChart.svg(
                id,
                title,
                shares.stream()
                        .map(s -> new BarChart.Bar(
                                s.group(), s.percent(), s.percent() + "% (" + s.count() + " of " + s.of() + ")"))
                        .toList(),
                100);
    }

    @GetMapping("/review/report.pdf")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'AUDITOR')")
    ResponseEntity<byte[]> pdf(Viewer viewer) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"national-review.pdf\"")
                .contentType(MediaType.APPLICATION_PDF)
                .body(review.pdf(viewer, java.time.LocalDate.now()));
    }

    /** The bodies behind a figure: those running a maker's devices, or any listed maker's. */
    @GetMapping("/review/bodies")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'AUDITOR')")
    String bodies(Viewer viewer, @RequestParam(required = false) @Nullable String maker, Model model) {
        NationalPicture picture = review.picture(viewer);
        model.addAttribute("picture", picture);
        model.addAttribute("maker", maker);
        model.addAttribute(
                "makerName",
                maker == null
                        ? null
                        : picture.byMaker(false).stream()
                                .filter(d -> d.makerId().equals(maker))
                                .map(NationalPicture.Devices::maker)
                                .findFirst()
                                .orElse(maker));
        model.addAttribute("bodies", picture.bodiesRunning(maker));
        return "review/bodies";
    }

    @GetMapping("/review/{table}.csv")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'AUDITOR')")
    ResponseEntity<byte[]> csv(Viewer viewer, @PathVariable String table) {
        NationalPicture picture = review.picture(viewer);
        StringBuilder out = new StringBuilder();
        switch (table) {
            case "by-sector", "by-region", "by-listed-maker" -> {
                out.append(table.equals("by-listed-maker") ? "maker" : table.substring(3))
                        .append(",bodies running listed makers' devices,of bodies,per cent\n");
                List<NationalPicture.Share> shares = table.equals("by-sector")
                        ? picture.bySector()
                        : table.equals("by-region") ? picture.byRegion() : picture.byListedMaker();
                for (NationalPicture.Share s : shares) {
                    out.append(io.camaudit.shared.SpreadsheetCells.csv(s.group()))
                            .append(',')
                            .append(s.count())
                            .append(',')
                            .append(s.of())
                            .append(',')
                            .append(s.percent())
                            .append('\n');
                }
            }
            case "by-maker", "by-brand" -> {
                out.append("maker,brand,listed,in-service devices,bodies\n");
                for (NationalPicture.Devices d : picture.byMaker(table.equals("by-brand"))) {
                    out.append(io.camaudit.shared.SpreadsheetCells.csv(d.maker()))
                            .append(',')
                            .append(io.camaudit.shared.SpreadsheetCells.csv(d.brand() == null ? "" : d.brand()))
                            .append(',')
                            .append(d.listed() ? "yes" : "no")
                            .append(',')
                            .append(d.devices())
                            .append(',')
                            .append(d.bodies())
                            .append('\n');
                }
            }
            case "bodies" -> {
                out.append("body,sector,region,listed makers\n");
                for (NationalPicture.Body b : picture.bodiesRunning(null)) {
                    out.append(io.camaudit.shared.SpreadsheetCells.csv(b.name()))
                            .append(',')
                            .append(io.camaudit.shared.SpreadsheetCells.csv(b.sector()))
                            .append(',')
                            .append(io.camaudit.shared.SpreadsheetCells.csv(b.region()))
                            .append(',')
                            .append(io.camaudit.shared.SpreadsheetCells.csv(
                                    String.join("; ", picture.listedMakersOf(b.id()))))
                            .append('\n');
                }
            }
            default -> throw new NotFoundException("The table " + table);
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"national-" + table + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }
}
