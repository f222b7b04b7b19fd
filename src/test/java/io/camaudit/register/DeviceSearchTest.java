package io.camaudit.register;

import static org.assertj.core.api.Assertions.assertThat;

import io.camaudit.shared.Viewer;
import io.camaudit.support.Estates;
import io.camaudit.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Filters and keyset paging of the device register. */
@IntegrationTest
public class DeviceSearchTest {

    @Autowired
    Register register;

    @Autowired
    Estates estates;

    Organisation council;
    Viewer officer;

    @BeforeEach
    void setUp() {
        council = estates.organisation("Search Council");
        officer = Estates.officerOf(council);
        Site street = register.createSite(
                officer, council.id(), new SiteDraft("High Street", null, null, SiteKind.PUBLIC_STREET, false));
        Site school = register.createSite(
                officer, council.id(), new SiteDraft("Primary", null, null, SiteKind.SCHOOL, false));
        for (int i = 0; i < 7; i++) {
            add(street, "HIK VISION", "S" + i, DeviceStatus.IN_SERVICE);
        }
        add(school, "Dahua", "D1", DeviceStatus.REMOVED);
        add(school, "Axis", "A1", DeviceStatus.IN_SERVICE);
    }

    private void add(Site site, String manufacturer, String serial, DeviceStatus status) {
        register.createDevice(
                officer,
                council.id(),
                new DeviceDraft(
                        site.id(),
                        null,
                        new DeviceFacts(
                                manufacturer,
                                null,
                                "M",
                                null,
                                serial,
                                null,
                                null,
                                null,
                                Set.of(),
                                status,
                                null,
                                status == DeviceStatus.IN_SERVICE ? null : java.time.LocalDate.of(2024, 1, 1))));
    }

    private DeviceQuery query(String manufacturer, SiteKind kind, DeviceStatus status, int size) {
        return new DeviceQuery(council.id(), null, null, kind, manufacturer, status, null, null, size);
    }

    @Test
    void filtersByStatedManufacturerWhateverTheSpelling() {
        assertThat(register.devices(officer, query("Hikvision", null, null, 50)).matching())
                .isEqualTo(7);
        assertThat(register.devices(officer, query("hik-vision", null, null, 50))
                        .matching())
                .isEqualTo(7);
        assertThat(register.devices(officer, query("dahua", null, null, 50)).rows())
                .extracting(r -> r.device().facts().serialNumber())
                .containsExactly("D1");
    }

    @Test
    void filtersByKindOfPlaceSectorAndStatus() {
        assertThat(register.devices(officer, query(null, SiteKind.SCHOOL, null, 50))
                        .matching())
                .isEqualTo(2);
        assertThat(register.devices(officer, query(null, SiteKind.SCHOOL, DeviceStatus.IN_SERVICE, 50))
                        .rows())
                .extracting(r -> r.device().facts().serialNumber())
                .containsExactly("A1");
        DeviceQuery bySector =
                new DeviceQuery(council.id(), null, Sector.LOCAL_AUTHORITY, null, null, null, null, null, 50);
        assertThat(register.devices(officer, bySector).matching()).isEqualTo(9);
        DeviceQuery otherSector =
                new DeviceQuery(council.id(), null, Sector.UNIVERSITY, null, null, null, null, null, 50);
        assertThat(register.devices(officer, otherSector).matching()).isZero();
    }

    @Test
    void sectorAndKindOfPlaceFollowChangesToTheBodyAndTheSite() {
        Site school = register.sites(officer, council.id()).stream()
                .filter(site -> site.kind() == SiteKind.SCHOOL)
                .findFirst()
                .orElseThrow();
        register.updateSite(officer, school.id(), new SiteDraft("Primary", null, null, SiteKind.LEISURE_CENTRE, false));
        assertThat(register.devices(officer, query(null, SiteKind.SCHOOL, null, 50))
                        .matching())
                .isZero();
        assertThat(register.devices(officer, query(null, SiteKind.LEISURE_CENTRE, null, 50))
                        .matching())
                .isEqualTo(2);

        register.updateOrganisation(
                Estates.ADMIN,
                council.id(),
                new OrganisationDraft(council.name(), Sector.POLICE_FORCE, council.region(), null));
        DeviceQuery police = new DeviceQuery(council.id(), null, Sector.POLICE_FORCE, null, null, null, null, null, 50);
        assertThat(register.devices(officer, police).matching()).isEqualTo(9);
        DeviceQuery council =
                new DeviceQuery(this.council.id(), null, Sector.LOCAL_AUTHORITY, null, null, null, null, null, 50);
        assertThat(register.devices(officer, council).matching()).isZero();
    }

    @Test
    void countsAndFiltersFollowAChangedDeviceAndSite() {
        Device dahua = register.devices(officer, query("dahua", null, null, 1))
                .rows()
                .get(0)
                .device();
        DeviceFacts f = dahua.facts();
        register.updateDevice(
                officer,
                dahua.id(),
                new DeviceDraft(
                        dahua.siteId(),
                        null,
                        new DeviceFacts(
                                "Uniview",
                                null,
                                f.model(),
                                null,
                                f.serialNumber(),
                                null,
                                null,
                                null,
                                Set.of(),
                                DeviceStatus.IN_SERVICE,
                                null,
                                null)),
                dahua.version());
        assertThat(register.devices(officer, query("dahua", null, null, 50)).matching())
                .isZero();
        assertThat(register.devices(officer, query("uniview", null, DeviceStatus.IN_SERVICE, 50))
                        .matching())
                .isEqualTo(1);
        Site school = register.sites(officer, council.id()).stream()
                .filter(site -> site.kind() == SiteKind.SCHOOL)
                .findFirst()
                .orElseThrow();
        register.updateSite(officer, school.id(), new SiteDraft("Primary", null, null, SiteKind.HOSPITAL, false));
        DeviceQuery hospitalUniview = new DeviceQuery(
                council.id(), null, Sector.LOCAL_AUTHORITY, SiteKind.HOSPITAL, "UNIVIEW", null, null, null, 50);
        assertThat(register.devices(officer, hospitalUniview).rows())
                .extracting(row -> row.device().facts().serialNumber())
                .containsExactly("D1");
        assertThat(register.devices(Estates.ADMIN, hospitalUniview).matching()).isEqualTo(1);
        DeviceQuery national =
                new DeviceQuery(null, null, Sector.LOCAL_AUTHORITY, SiteKind.HOSPITAL, "uniview", null, null, null, 50);
        assertThat(register.devices(Estates.ADMIN, national).rows())
                .extracting(row -> row.device().id())
                .contains(dahua.id());
        assertThat(register.inServiceCount(officer)).isEqualTo(9);
    }

    @Test
    void pagesForwardAndBackByKeyWithoutLosingOrRepeatingARow() {
        List<String> forward = new ArrayList<>();
        DeviceQuery query = query(null, null, null, 4);
        DevicePage page = register.devices(officer, query);
        assertThat(page.previousBefore()).isNull();
        List<DevicePage> pages = new ArrayList<>();
        while (true) {
            pages.add(page);
            page.rows().forEach(r -> forward.add(r.device().facts().serialNumber()));
            if (page.nextAfter() == null) {
                break;
            }
            page = register.devices(officer, query.after(page.nextAfter()));
        }
        assertThat(forward).containsExactly("S0", "S1", "S2", "S3", "S4", "S5", "S6", "D1", "A1");
        assertThat(pages).hasSize(3);

        DevicePage last = pages.get(2);
        DevicePage back = register.devices(
                officer, new DeviceQuery(council.id(), null, null, null, null, null, null, last.previousBefore(), 4));
        assertThat(back.rows())
                .extracting(r -> r.device().facts().serialNumber())
                .containsExactly("S4", "S5", "S6", "D1");
        assertThat(back.nextAfter()).isNotNull();
        assertThat(back.previousBefore()).isNotNull();
    }
}
