package io.camaudit.intel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ResolverTest {

    static Resolver resolver;

    @BeforeAll
    static void load() throws IOException {
        resolver = LabelledDevicesTest.resolver();
    }

    private static Resolution of(String manufacturer, String model) {
        return resolver.resolve(new DeviceEvidence(manufacturer, null, model, null));
    }

    @Test
    void aSubsidiaryBrandResolvesToTheGroupWithItsPathAndSources() {
        Resolution ezviz = resolver.resolve(DeviceEvidence.ofText("Ezviz C6N"));
        assertThat(ezviz.maker()).isEqualTo("hikvision");
        assertThat(ezviz.soldAs()).isEqualTo("EZVIZ");
        assertThat(ezviz.path()).isEqualTo("Sold as EZVIZ, made by Hikvision (a brand of a Hikvision subsidiary)");
        assertThat(ezviz.evidence()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Evidence.Kind.BRAND);
            assertThat(e.text()).startsWith("\u201cEzviz C6N\u201d is the brand EZVIZ");
            assertThat(e.sources()).contains("wikipedia-hikvision-2024");
        });
        assertThat(ezviz.bundleVersion()).isEqualTo(resolver.bundle().version().text());
    }

    @Test
    void agreeingEvidenceRaisesTheConfidenceAndARelabelKeepsItsBrand() {
        Resolution brandOnly = of("Lorex", null);
        Resolution withMac = resolver.resolve(new DeviceEvidence("Lorex", null, null, "3c:ef:8c:01:02:03"));
        assertThat(brandOnly.maker()).isEqualTo("dahua");
        assertThat(brandOnly.path()).isEqualTo("Sold as Lorex, made by Dahua (relabelled)");
        assertThat(withMac.confidence()).isGreaterThan(brandOnly.confidence());
        assertThat(withMac.evidence())
                .extracting(Evidence::kind)
                .containsExactly(Evidence.Kind.BRAND, Evidence.Kind.MAC);
        assertThat(withMac.evidence().get(1).text())
                .contains("IEEE MA-L block 3CEF8C registered to Zhejiang Dahua Technology Co., Ltd.");
    }

    @Test
    void aModelNumberAloneNamesItsMakerAndTheBrandItBelongsTo() {
        Resolution hilook = of(null, "IPC-B140H");
        assertThat(hilook.maker()).isEqualTo("hikvision");
        assertThat(hilook.path()).isEqualTo("Sold as HiLook, made by Hikvision (a Hikvision brand)");
        assertThat(of(null, "ds2cd2143g0i").maker()).as("hyphens left out").isEqualTo("hikvision");
        assertThat(of(null, "DS 2CD2143G0-I").maker())
                .as("a space for a hyphen")
                .isEqualTo("hikvision");
    }

    @Test
    void conflictingEvidenceIsLeftForAPersonAndSaysWhy() {
        Resolution conflict = resolver.resolve(new DeviceEvidence("Axis", null, null, "44:19:b6:01:02:03"));
        assertThat(conflict.resolved()).isFalse();
        assertThat(conflict.needsReview()).isTrue();
        assertThat(conflict.evidence())
                .last()
                .satisfies(e -> assertThat(e.text()).contains("different makers (Axis Communications, Hikvision)"));
    }

    @Test
    void aPartialRelabelYieldsToAModelOfAnotherMaker() {
        Resolution honeywell = of("Honeywell", "IPC-HDW2431T-AS");
        assertThat(honeywell.maker()).isEqualTo("dahua");
        assertThat(honeywell.path()).startsWith("Sold as Honeywell, made by Dahua");
        assertThat(of("Honeywell", null).maker()).isEqualTo("honeywell");
    }

    @Test
    void aLeadIsShownButNeverResolvedOn() {
        Resolution swann = of("Swann", null);
        assertThat(swann.resolved()).isFalse();
        assertThat(swann.evidence()).anySatisfy(e -> assertThat(e.kind()).isEqualTo(Evidence.Kind.LEAD));
    }

    @Test
    void nearMissesNeedTheFirstLetterAndForShortWordsASwap() {
        assertThat(of("Hikvison", null).maker()).isEqualTo("hikvision");
        assertThat(of("Hikvison", null).confidence())
                .isLessThan(of("Hikvision", null).confidence());
        assertThat(of("Dahau", null).maker()).isEqualTo("dahua");
        assertThat(of("Busch", null).resolved())
                .as("one letter from Bosch, but not a swap")
                .isFalse();
        assertThat(of("Ikvision", null).resolved()).as("first letter missing").isFalse();
    }

    @Test
    void anAdministratorsMappingIsEvidenceWithItsAuthor() throws IOException {
        Resolver local = new Resolver(
                BundleReader.builtIn(),
                List.of(new LocalMapping(
                        "ACME Vision Pro", "dahua", "alice", "supplier's invoice 2024-17", "2026-11-22")),
                MacRegistry.empty());
        Resolution acme = local.resolve(DeviceEvidence.ofText("acme vision-pro 4MP"));
        assertThat(acme.maker()).isEqualTo("dahua");
        assertThat(acme.evidence().get(0).text())
                .isEqualTo("\u201cacme vision-pro 4MP\u201d means Dahua, as alice confirmed on 2026-11-22: supplier's"
                        + " invoice 2024-17");
        assertThat(local.resolve(DeviceEvidence.ofText("ACME")).resolved()).isFalse();
    }

    @Test
    void nothingStatedIsUnresolvedAndARepeatedInputResolvesTheSame() {
        assertThat(resolver.resolve(new DeviceEvidence(null, " ", null, null)).evidence())
                .extracting(Evidence::text)
                .containsExactly("Nothing is stated about the device");
        Resolution first = of("HIK VISION", "DS-2CD2143G0-I");
        assertThat(of("HIK VISION", "DS-2CD2143G0-I")).isEqualTo(first);
    }

    @Test
    void hyphensBecomeOptionalOnlyOutsideCharacterClasses() {
        assertThat(Resolver.hyphensOptional("IPC-[A-Z]\\-x")).isEqualTo("IPC-?[A-Z]\\-x");
    }
}
