package io.camaudit.intel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PolicyEngineTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static IntelBundle bundle;
    static Resolver resolver;
    static PolicyEngine engine;

    @BeforeAll
    static void load() throws IOException {
        resolver = LabelledDevicesTest.resolver();
        bundle = resolver.bundle();
        engine = new PolicyEngine(bundle, DiligenceRecords.none());
    }

    private static CheckResult check(String text, String policy, boolean sensitive) {
        return engine.check(
                text,
                resolver.resolve(DeviceEvidence.ofText(text)),
                bundle.policy(policy).orElseThrow(),
                new CheckContext(sensitive, TODAY));
    }

    @Test
    void aHikvisionBrandIsIneligibleUnderTheCommissionersPolicyWithEachListingCited() {
        CheckResult hilook = check("HiLook IPC-B140H", "no-listed-supplier", false);
        assertThat(hilook.verdict()).isEqualTo(Verdict.INELIGIBLE);
        assertThat(hilook.reasons())
                .extracting(Reason::rule)
                .containsExactly(
                        "listed:fcc-covered-list",
                        "listed:ndaa-889",
                        "listed:us-entity-list",
                        "listed:dod-1260h",
                        "listed:uk-sensitive-sites-2022");
        assertThat(hilook.reasons().get(0).text())
                .isEqualTo("The maker is on the FCC Covered List. Hikvision is on the FCC Covered List since"
                        + " 2021-03-12: Video surveillance and telecommunications equipment, to the extent it is used"
                        + " for public safety, security of government facilities, physical security surveillance of"
                        + " critical infrastructure, and other national security purposes.");
        assertThat(hilook.reasons().get(0).sources())
                .extracting(Source::id)
                .containsExactly("fcc-covered-list-mirror", "bscc-digital-asbestos");
        assertThat(hilook.ownership()).anySatisfy(o -> assertThat(o.owner()).isEqualTo("cetc"));
        assertThat(hilook.findings()).extracting(Finding::id).contains("fac-never-again-2021");
        assertThat(hilook.bundleVersion()).isEqualTo(bundle.version().text());
    }

    @Test
    void theUkRuleTurnsOnWhetherTheSiteIsSensitive() {
        assertThat(check("Hikvision", "uk-sensitive-sites-2022", false).verdict())
                .isEqualTo(Verdict.CONDITIONAL);
        CheckResult sensitive = check("Hikvision", "uk-sensitive-sites-2022", true);
        assertThat(sensitive.verdict()).isEqualTo(Verdict.INELIGIBLE);
        assertThat(sensitive.reasons().get(0).text())
                .contains("Hikvision (as a company of CN) is covered by the UK instruction on sensitive"
                        + " central-government sites (2022) since 2022-11-24");
        assertThat(check("Milesight", "uk-sensitive-sites-2022", true).verdict())
                .as("an unlisted maker subject to the PRC National Intelligence Law")
                .isEqualTo(Verdict.INELIGIBLE);
    }

    @Test
    void policiesDifferWhereTheirListsDo() {
        assertThat(check("Uniview", "us-ndaa-889", false).verdict()).isEqualTo(Verdict.ELIGIBLE);
        assertThat(check("Uniview", "no-listed-supplier", false).verdict()).isEqualTo(Verdict.INELIGIBLE);
        assertThat(check("EZVIZ", "us-ndaa-889", false).verdict())
                .as("a subsidiary's brand is covered through its parent")
                .isEqualTo(Verdict.INELIGIBLE);
        CheckResult axis = check("Axis P3245-LVE", "no-listed-supplier", true);
        assertThat(axis.verdict()).isEqualTo(Verdict.ELIGIBLE);
        assertThat(axis.reasons())
                .singleElement()
                .satisfies(r -> assertThat(r.text())
                        .isEqualTo("No rule of the policy \u201cNo listed supplier in any public body\u201d applies to"
                                + " Axis Communications."));
    }

    @Test
    void anUnknownSupplierIsConditionalUntilItsMakerIsNamed() {
        CheckResult acme = check("ACME Vision 4MP", "no-listed-supplier", false);
        assertThat(acme.verdict()).isEqualTo(Verdict.CONDITIONAL);
        assertThat(acme.reasons()).extracting(Reason::rule).containsExactly("unresolved");
        assertThat(acme.listings()).isEmpty();
    }

    @Test
    void aSupplierSilentPastTheDeadlineIsIneligible() {
        DiligenceRecords records = company -> company.equals("axis")
                ? Optional.of(new DiligenceState(TODAY.minusDays(120), null))
                : company.equals("bosch")
                        ? Optional.of(new DiligenceState(TODAY.minusDays(120), TODAY.minusDays(100)))
                        : Optional.empty();
        PolicyEngine withRecords = new PolicyEngine(bundle, records);
        Policy policy = bundle.policy("no-listed-supplier").orElseThrow();
        CheckResult axis = withRecords.check(
                "Axis", resolver.resolve(DeviceEvidence.ofText("Axis")), policy, new CheckContext(false, TODAY));
        assertThat(axis.verdict()).isEqualTo(Verdict.INELIGIBLE);
        assertThat(axis.reasons().get(0).text())
                .endsWith(
                        "Axis Communications was asked on 2026-07-25 and has not answered in 120 days (the deadline is"
                                + " 90).");
        CheckResult bosch = withRecords.check(
                "Bosch", resolver.resolve(DeviceEvidence.ofText("Bosch")), policy, new CheckContext(false, TODAY));
        assertThat(bosch.verdict()).isEqualTo(Verdict.ELIGIBLE);
    }
}
