package io.camaudit.review.engine;

import io.camaudit.shared.report.BarChart;
import io.camaudit.shared.report.PdfDocument;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The national review as a PDF: the same figures, charts and tables as its page. */
public final class NationalReportPdf {

    private NationalReportPdf() {}

    /** A further section of the report: a heading, a sentence, an optional chart, and a table. */
    public record Section(
            String heading,
            String text,
            List<BarChart.Bar> chart,
            double chartMax,
            List<String> header,
            List<List<String>> rows) {}

    /**
     * @param listed one line a listed maker: its name and its listings
     * @param bundle the reference data's version the figures were counted with
     * @param more the page's further sections (capabilities, outbound traffic, remediation, due diligence)
     */
    public static byte[] of(NationalPicture p, List<String> listed, String bundle, LocalDate on, List<Section> more) {
        try (PdfDocument pdf = new PdfDocument("National review of surveillance cameras", "camaudit national review")) {
            NationalPicture.Share all = p.overall();
            pdf.heading("National review of surveillance cameras")
                    .paragraph("Counted on " + on + " from the whole register, with the reference data " + bundle + ": "
                            + PdfDocument.count(p.bodies()) + " bodies and " + PdfDocument.count(p.devices())
                            + " in-service devices, " + PdfDocument.count(p.unresolved())
                            + " of them not yet resolved to a maker. A maker counts as listed where it is named on a"
                            + " listing, itself or through its group.")
                    .paragraph(all.percent() + "% of bodies (" + PdfDocument.count(all.count()) + " of "
                            + PdfDocument.count(all.of()) + ") run at least one device of a listed maker. The 2022"
                            + " Freedom of Information survey put it at about 61%, some 2,800 of 4,500 bodies.");
            pdf.heading("Listed makers");
            for (String line : listed) {
                pdf.paragraph(line);
            }
            pdf.table(
                    List.of("Maker", "Bodies running its devices", "Share of bodies"),
                    p.byListedMaker().stream()
                            .map(s -> List.of(s.group(), PdfDocument.count(s.count()), s.percent() + "%"))
                            .toList());
            shares(pdf, "By sector", "Sector", p.bySector());
            shares(pdf, "By region", "Region", p.byRegion());
            pdf.heading("Devices by maker");
            List<NationalPicture.Devices> makers = p.byMaker(false);
            long most = makers.stream()
                    .mapToLong(NationalPicture.Devices::devices)
                    .max()
                    .orElse(0);
            pdf.chart(
                    "In-service devices by maker",
                    makers.stream()
                            .limit(15)
                            .map(d -> new BarChart.Bar(d.maker(), d.devices(), PdfDocument.count(d.devices())))
                            .toList(),
                    most);
            pdf.table(
                    List.of("Maker", "Listed", "In-service devices", "Bodies"),
                    makers.stream()
                            .map(d -> List.of(
                                    d.maker(),
                                    d.listed() ? "Yes" : "No",
                                    PdfDocument.count(d.devices()),
                                    PdfDocument.count(d.bodies())))
                            .toList());
            pdf.heading("Devices by the brand sold");
            pdf.table(
                    List.of("Maker", "Sold as", "In-service devices", "Bodies"),
                    p.byMaker(true).stream()
                            .map(d -> List.of(
                                    d.maker(),
                                    d.brand() == null ? "" : d.brand(),
                                    PdfDocument.count(d.devices()),
                                    PdfDocument.count(d.bodies())))
                            .toList());
            for (Section section : more) {
                pdf.heading(section.heading()).paragraph(section.text());
                if (!section.chart().isEmpty()) {
                    pdf.chart(section.heading(), section.chart(), section.chartMax());
                }
                if (!section.rows().isEmpty()) {
                    pdf.table(section.header(), section.rows());
                }
            }
            return pdf.bytes();
        }
    }

    private static void shares(PdfDocument pdf, String heading, String column, List<NationalPicture.Share> shares) {
        pdf.heading(heading);
        List<BarChart.Bar> bars = new ArrayList<>();
        for (NationalPicture.Share s : shares) {
            bars.add(new BarChart.Bar(s.group(), s.percent(), s.percent() + "% (" + s.count() + " of " + s.of() + ")"));
        }
        pdf.chart("Bodies running listed makers' devices, " + heading.toLowerCase(java.util.Locale.ROOT), bars, 100);
        pdf.table(
                List.of(column, "Running listed makers' devices", "Of bodies", "Share"),
                shares.stream()
                        .map(s -> List.of(
                                s.group(), PdfDocument.count(s.count()), PdfDocument.count(s.of()), s.percent() + "%"))
                        .toList());
    }
}
