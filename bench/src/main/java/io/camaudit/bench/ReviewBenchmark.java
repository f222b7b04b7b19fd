package io.camaudit.bench;

import io.camaudit.register.Region;
import io.camaudit.register.Sector;
import io.camaudit.register.SiteKind;
import io.camaudit.review.NationalReview;
import io.camaudit.shared.report.BarChart;
import io.camaudit.review.engine.NationalPicture;
import io.camaudit.shared.Role;
import io.camaudit.shared.Viewer;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The national review at national scale (issue #8): 5,000 bodies and 1,500,000 in-service and
 * retired devices, each resolved to a maker (Hikvision and its relabels, Dahua and its, Axis,
 * Hanwha, Bosch, unresolved), on H2 and on PostgreSQL. Times everything the National review page
 * shows (the figures with their charts, and the capabilities, outbound traffic, remediation and
 * due-diligence sections) and the full PDF report, median and slowest of five.
 *
 * <p>Run with {@code bench/run review}.
 */
public final class ReviewBenchmark {

    private static final int BODIES = 5_000;
    private static final int DEVICES = 1_500_000;
    private static final int ROUNDS = 5;
    /** Bodies whose cameras were capability-audited: every device once, a third of them twice. */
    private static final int AUDITED = 1_000;
    private static final String[][] MAKES = {
        {"Hikvision", "hikvision", null}, {"HiLook", "hikvision", "HiLook"}, {"EZVIZ", "hikvision", "EZVIZ"},
        {"Dahua", "dahua", null}, {"Imou", "dahua", "Imou"}, {"Axis", "axis", null}, {"Hanwha Vision", "hanwha", null},
        {"Bosch", "bosch", null}, {"Generic", null, null}
    };

    private ReviewBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path work = BenchContext.workDirectory("camaudit-bench-review");
        measure("H2", work.resolve("h2"), null);
        String postgres = System.getenv("CAMAUDIT_BENCH_POSTGRES_URL");
        if (postgres != null && !postgres.isBlank()) {
            measure("PostgreSQL", work.resolve("pg"), BenchContext.freshPostgresDatabase(postgres, "camaudit_bench_review"));
        } else {
            System.out.println("PostgreSQL skipped: set CAMAUDIT_BENCH_POSTGRES_URL (bench/run does when it can)");
        }
    }

    private static void measure(String database, Path dataDir, String postgresUrl) throws Exception {
        try (ConfigurableApplicationContext context = BenchContext.start(dataDir, postgresUrl)) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            long start = System.nanoTime();
            fill(jdbc);
            audits(jdbc, context.getBean(tools.jackson.databind.json.JsonMapper.class));
            if (postgresUrl != null) {
                jdbc.execute("analyze");
            } else {
                jdbc.execute("set optimize_reuse_results 0"); // time the query, not H2's cache of its result
            }
            System.out.printf(Locale.ROOT, "%s: filled %,d bodies and %,d devices, %,d capability results of %,d audited"
                    + " bodies, in %.0f s%n", database, BODIES, DEVICES,
                    jdbc.queryForObject("select count(*) from capability_result", Long.class), AUDITED,
                    (System.nanoTime() - start) / 1e9);
            long summarising = System.nanoTime();
            int summarised = context.getBean(io.camaudit.capability.CapabilityAudits.class).summariseMissing();
            System.out.printf(Locale.ROOT, "%s: counted %,d audited bodies' capability summaries in %.1f s (as at start-up"
                    + " after the upgrade; then each as its audit ends)%n", database, summarised,
                    (System.nanoTime() - summarising) / 1e9);
            long counting = System.nanoTime();
            context.getBean(io.camaudit.review.ReviewCounts.class).recountAll();
            System.out.printf(Locale.ROOT, "%s: counted every body's devices again in %.1f s (at start-up, in the"
                    + " background; then body by body as their devices change)%n", database,
                    (System.nanoTime() - counting) / 1e9);
            long one = System.nanoTime();
            context.getBean(io.camaudit.review.ReviewCounts.class).recount(jdbc.queryForObject(
                    "select min(id) from organisation", Long.class));
            System.out.printf(Locale.ROOT, "%s: counted one body's %,d devices again in %.1f ms%n", database,
                    DEVICES / BODIES, (System.nanoTime() - one) / 1e6);
            NationalReview review = context.getBean(NationalReview.class);
            Viewer auditor = new Viewer("bench", Role.AUDITOR, null);
            double[] page = new double[ROUNDS];
            double[] pdf = new double[ROUNDS];
            NationalPicture last = null;
            int bytes = 0;
            for (int i = 0; i < ROUNDS; i++) {
                long t = System.nanoTime();
                last = review.picture(auditor);
                charts(last);
                // The page's other sections: capabilities, outbound traffic, remediation, due diligence.
                review.capabilities(auditor);
                review.egress(auditor);
                review.remediation(auditor);
                review.diligenceStates(auditor);
                page[i] = (System.nanoTime() - t) / 1e6;
                t = System.nanoTime();
                bytes = review.pdf(auditor, LocalDate.now()).length;
                pdf[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(page);
            Arrays.sort(pdf);
            double[] capabilities = new double[ROUNDS];
            double[] risk = new double[ROUNDS];
            long audited = jdbc.queryForObject("select min(organisation_id) from capability_result", Long.class);
            io.camaudit.risk.Risks risks = context.getBean(io.camaudit.risk.Risks.class);
            int scored = 0;
            for (int i = 0; i < ROUNDS; i++) {
                long t = System.nanoTime();
                io.camaudit.capability.CapabilityAudits.NationalCapabilities n = review.capabilities(auditor);
                capabilities[i] = (System.nanoTime() - t) / 1e6;
                if (i == 0) {
                    System.out.printf(Locale.ROOT, "%s: capabilities across %,d audited bodies, %,d devices%n", database,
                            n.bodies(), n.devices().devices());
                }
                t = System.nanoTime();
                scored = risks.of(auditor, audited).devices().size();
                risk[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(capabilities);
            Arrays.sort(risk);
            System.out.printf(Locale.ROOT, "%s: the capabilities section alone: median %.0f ms, slowest %.0f ms%n", database,
                    capabilities[ROUNDS / 2], capabilities[ROUNDS - 1]);
            System.out.printf(Locale.ROOT, "%s: one audited body's risk page (%,d devices scored): median %.0f ms, slowest"
                    + " %.0f ms%n", database, scored, risk[ROUNDS / 2], risk[ROUNDS - 1]);
            System.out.printf(Locale.ROOT, "%s: %,d bodies, %,d devices, %d%% running listed makers' devices%n", database,
                    last.bodies(), last.devices(), last.overall().percent());
            System.out.printf(Locale.ROOT, "%s: the page's figures, charts and sections: median %.0f ms, slowest %.0f ms (target: under"
                    + " 1,000 ms)%n", database, page[ROUNDS / 2], page[ROUNDS - 1]);
            System.out.printf(Locale.ROOT, "%s: PDF report (%,d bytes): median %.0f ms, slowest %.0f ms (target: under"
                    + " 30,000 ms)%n", database, bytes, pdf[ROUNDS / 2], pdf[ROUNDS - 1]);
        }
    }

    /** The page's three charts, as the controller draws them. */
    private static void charts(NationalPicture p) {
        for (List<NationalPicture.Share> shares : List.of(p.bySector(), p.byRegion())) {
            BarChart.svg("c", "t", shares.stream().map(s -> new BarChart.Bar(s.group(), s.percent(), s.percent() + "%"))
                    .toList(), 100);
        }
        BarChart.svg("m", "t", p.byMaker(false).stream().limit(15)
                .map(d -> new BarChart.Bar(d.maker(), d.devices(), String.valueOf(d.devices()))).toList(), 1);
        p.byMaker(true);
        p.byListedMaker();
        p.bodiesRunning(null);
    }

    private static void fill(JdbcTemplate jdbc) {
        Random random = new Random(8);
        Timestamp now = Timestamp.from(Instant.now());
        Sector[] sectors = Sector.values();
        Region[] regions = Region.values();
        SiteKind[] kinds = SiteKind.values();
        List<Object[]> orgs = new ArrayList<>();
        for (int b = 0; b < BODIES; b++) {
            orgs.add(new Object[] {"Review body " + b, sectors[b % sectors.length].name(), regions[b % regions.length].name(),
                "SYNTHETIC", "benchmark", now, "bench"});
        }
        jdbc.batchUpdate("insert into organisation (name, sector, region, provenance_kind, provenance_source, recorded_at,"
                + " recorded_by) values (?, ?, ?, ?, ?, ?, ?)", orgs);
        long firstOrg = jdbc.queryForObject("select min(id) from organisation", Long.class);
        List<Object[]> sites = new ArrayList<>();
        for (int b = 0; b < BODIES; b++) {
            sites.add(new Object[] {firstOrg + b, "Main site", kinds[b % kinds.length].name(), "SYNTHETIC", "benchmark", now,
                "bench"});
        }
        jdbc.batchUpdate("insert into site (organisation_id, name, kind, provenance_kind, provenance_source, recorded_at,"
                + " recorded_by) values (?, ?, ?, ?, ?, ?, ?)", sites);
        long firstSite = jdbc.queryForObject("select min(id) from site", Long.class);
        List<Object[]> batch = new ArrayList<>(10_000);
        for (int d = 0; d < DEVICES; d++) {
            int body = d % BODIES;
            // About two bodies in five buy only from makers that are not listed.
            String[] make = body % 5 < 2 ? MAKES[5 + random.nextInt(4)] : MAKES[random.nextInt(MAKES.length)];
            int r = random.nextInt(100);
            String status = r < 90 ? "IN_SERVICE" : "REMOVED";
            batch.add(new Object[] {firstOrg + body, firstSite + body, "serial:R" + d, make[0],
                make[0].toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""), "M-" + (d % 97), "R" + d, status,
                status.equals("IN_SERVICE") ? null : java.sql.Date.valueOf("2024-01-01"), "SYNTHETIC", "benchmark", now,
                "bench", sectors[body % sectors.length].name(), kinds[body % kinds.length].name()});
            if (batch.size() == 10_000) {
                insert(jdbc, batch);
                batch.clear();
            }
        }
        insert(jdbc, batch);
        // Each device resolved as the intel would: its maker, and the brand where it was sold relabelled.
        StringBuilder maker = new StringBuilder("case d.manufacturer");
        StringBuilder brand = new StringBuilder("case d.manufacturer");
        for (String[] m : MAKES) {
            maker.append(" when '").append(m[0]).append("' then ").append(m[1] == null ? "null" : "'" + m[1] + "'");
            brand.append(" when '").append(m[0]).append("' then ").append(m[2] == null ? "null" : "'" + m[2] + "'");
        }
        jdbc.update("insert into device_resolution (device_id, organisation_id, device_version, maker, sold_as, relation,"
                + " confidence, needs_review, evidence, bundle_version, resolved_at) select d.id, d.organisation_id, 0, "
                + maker + " end, " + brand + " end, null, 1.0, false, '[]', 'bench', ? from device d", now);
    }

    /**
     * Capability audits of the first {@link #AUDITED} bodies: one of every device, then a second of
     * every third device (so "the latest of each address" has a choice to make), each result with
     * details of a realistic size (every feature with its reading).
     */
    private static void audits(JdbcTemplate jdbc, tools.jackson.databind.json.JsonMapper json) {
        long firstOrg = jdbc.queryForObject("select min(id) from organisation", Long.class);
        // Whole seconds: the join below matches on the time, and the database keeps microseconds at most.
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Timestamp earlier = Timestamp.from(now.minusSeconds(86_400 * 90));
        Timestamp later = Timestamp.from(now.minusSeconds(86_400));
        List<Object[]> audits = new ArrayList<>();
        for (int b = 0; b < AUDITED; b++) {
            for (Timestamp at : List.of(earlier, later)) {
                audits.add(new Object[] {firstOrg + b, "10.0.0.0/16", "FINISHED", 1, "bench", "bench", "bench", at, at});
            }
        }
        jdbc.batchUpdate("insert into capability_audit (organisation_id, scope, status, addresses, rules_version,"
                + " intel_version, started_by, started_at, finished_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", audits);
        List<io.camaudit.capability.ResultDetail.FeatureRow> features = new ArrayList<>();
        for (io.camaudit.capability.engine.Feature f : io.camaudit.capability.engine.Feature.values()) {
            features.add(new io.camaudit.capability.ResultDetail.FeatureRow(f.name(), f.label(), f.kind().name(), "YES",
                    f == io.camaudit.capability.engine.Feature.CLOUD_LINK ? "YES" : "NO", "NO", "PRESENT", "Present",
                    "grey", false, List.of("read from the device's configuration"),
                    List.of(new io.camaudit.capability.ResultDetail.EvidenceRow("GET /ISAPI/System/capabilities",
                            "<isSupportFaceDetect>true</isSupportFaceDetect>", "2026-11-30T10:00:00Z", "rule-" + f.name(),
                            "vendor documentation"))));
        }
        String details = json.writeValueAsString(new io.camaudit.capability.ResultDetail("Hikvision", null, "DS-2CD",
                "44:19:b6:00:00:01", List.of(80, 554), "without credentials", features, List.of(), List.of(), null,
                List.of(), List.of(), 120, "bench"));
        String[] standings = {"PPAAAPAOAAAA", "OPAAAPAAAAAA", "UAAAAPAOOAAA", "AAAAAPAAAAAA"};
        for (int pass = 0; pass < 2; pass++) {
            Timestamp at = pass == 0 ? earlier : later;
            for (int k = 0; k < standings.length; k++) {
                jdbc.update("insert into capability_result (audit_id, organisation_id, device_id, address, maker, model,"
                        + " firmware, access, standings, vulnerabilities, changes, worse_changes, details, recorded_at)"
                        + " select a.id, d.organisation_id, d.id, concat('10.0.', cast(d.id as varchar(20))), d.manufacturer,"
                        + " d.model, null, 'OPEN', ?, ?, 0, ?, ?, ? from device d join capability_audit a on"
                        + " a.organisation_id = d.organisation_id and a.started_at = ? where d.organisation_id < ? and"
                        + " mod(d.id, 4) = ?" + (pass == 1 ? " and mod(d.id, 3) = 0" : ""),
                        standings[k], k == 2 ? "CVE-2021-36260" : "", pass == 1 && k == 1 ? 1 : 0, details, at, at,
                        firstOrg + AUDITED, k);
            }
        }
    }

    private static void insert(JdbcTemplate jdbc, List<Object[]> batch) {
        jdbc.batchUpdate("insert into device (organisation_id, site_id, natural_key, manufacturer, manufacturer_key, model,"
                + " serial_number, status, status_changed_on, provenance_kind, provenance_source, recorded_at, recorded_by,"
                + " sector, site_kind) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch);
    }
}
