package io.camaudit.review.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camaudit.shared.report.BarChart;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The national shares from counts, and their chart as escaped, labelled SVG. */
class NationalPictureTest {

    @Test
    void sharesBySectorRegionAndListedMakerAndDevicesByBrand() {
        NationalPicture p =
                new NationalPicture(Set.of("hikvision", "dahua"), Map.of("hikvision", "Hikvision", "axis", "Axis"));
        p.body(new NationalPicture.Body(1, "Council A", "Local authority", "London"));
        p.body(new NationalPicture.Body(2, "Council B", "Local authority", "Wales"));
        p.body(new NationalPicture.Body(3, "School C", "School", "London"));
        p.body(new NationalPicture.Body(4, "Trust D", "NHS trust", "Wales"));
        p.devices(1, "hikvision", "HiLook", 30);
        p.devices(1, "axis", null, 5);
        p.devices(2, "axis", null, 7);
        p.devices(3, "hikvision", "EZVIZ", 2);
        p.devices(3, "dahua", "Imou", 1);
        p.devices(4, null, null, 9);

        assertThat(p.overall()).isEqualTo(new NationalPicture.Share("All bodies", null, 2, 4));
        assertThat(p.overall().percent()).isEqualTo(50);
        assertThat(p.bySector())
                .containsExactly(
                        new NationalPicture.Share("Local authority", null, 1, 2),
                        new NationalPicture.Share("NHS trust", null, 0, 1),
                        new NationalPicture.Share("School", null, 1, 1));
        assertThat(p.byRegion()).extracting(NationalPicture.Share::count).containsExactly(2L, 0L);
        assertThat(p.byListedMaker())
                .containsExactly(
                        new NationalPicture.Share("Hikvision", "hikvision", 2, 4),
                        new NationalPicture.Share("dahua", "dahua", 1, 4));
        assertThat(p.byMaker(false))
                .extracting(d -> d.maker() + " " + d.devices() + " " + d.bodies() + " " + d.listed())
                .containsExactly("Hikvision 32 2 true", "Axis 12 2 false", "dahua 1 1 true");
        assertThat(p.byMaker(true))
                .extracting(NationalPicture.Devices::brand)
                .containsExactly("HiLook", "EZVIZ", "Imou");
        assertThat(p.unresolved()).isEqualTo(9);
        assertThat(p.devices()).isEqualTo(54);
        assertThat(p.bodiesRunning("axis"))
                .extracting(NationalPicture.Body::name)
                .containsExactly("Council A", "Council B");
        assertThat(p.listedMakersOf(3)).containsExactly("Hikvision", "dahua");
    }

    @Test
    void theChartEscapesItsTextAndDescribesItselfForScreenReaders() {
        String svg = BarChart.svg(
                "c",
                "Shares <by> sector",
                List.of(
                        new BarChart.Bar("<script>alert(1)</script>", 61, "61%"),
                        new BarChart.Bar("Schools & colleges", 20, "20%")),
                100);
        assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;").contains("Schools &amp; colleges");
        assertThat(svg).contains("role=\"img\"").contains("<title id=\"c-title\">Shares &lt;by&gt; sector</title>");
        assertThat(svg)
                .contains(
                        "<desc id=\"c-desc\">&lt;script&gt;alert(1)&lt;/script&gt;: 61%; Schools &amp; colleges: 20%</desc>");
    }
}
