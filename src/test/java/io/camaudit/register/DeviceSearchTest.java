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

    /**
     * National searches walk different indexes by the filters they name (DeviceRows.drivingColumns):
     * all four of sector, make, kind of place and status; three of them; status alone. Each must
     * find exactly the matches, in id order, and page both ways over them.
     */
    @Test
    void nationalSearchesOfSeveralFiltersOrStatusAlonePageInIdOrder() {
        Viewer auditor = new Viewer("search-auditor", io.camaudit.shared.Role.AUDITOR, null);
        // A make of its own, so that other tests' devices in the same database do not match.
        String make = "Searchtest Optics " + System.nanoTime();
        Site school = register.sites(officer, council.id()).stream()
                .filter(s -> s.kind() == SiteKind.SCHOOL)
                .findFirst()
                .orElseThrow();
        Site street = register.sites(officer, council.id()).stream()
                .filter(s -> s.kind() == SiteKind.PUBLIC_STREET)
                .findFirst()
                .orElseThrow();
        for (int i = 0; i < 5; i++) {
            add(school, make, "C" + i + "-" + make.hashCode(), DeviceStatus.REMOVED);
            add(school, make, "K" + i + "-" + make.hashCode(), DeviceStatus.IN_SERVICE);
            add(street, make, "T" + i + "-" + make.hashCode(), DeviceStatus.REMOVED);
        }

        List<String> allFour = walk(
                auditor,
                new DeviceQuery(
                        null,
                        null,
                        Sector.LOCAL_AUTHORITY,
                        SiteKind.SCHOOL,
                        make,
                        DeviceStatus.REMOVED,
                        null,
                        null,
                        2));
        assertThat(allFour).containsExactly("C0", "C1", "C2", "C3", "C4");
        List<String> three = walk(
                auditor,
                new DeviceQuery(null, null, Sector.LOCAL_AUTHORITY, SiteKind.SCHOOL, make, null, null, null, 4));
        assertThat(three).containsExactly("C0", "K0", "C1", "K1", "C2", "K2", "C3", "K3", "C4", "K4");
        DevicePage counted = register.devices(
                auditor,
                new DeviceQuery(null, null, Sector.LOCAL_AUTHORITY, SiteKind.SCHOOL, make, null, null, null, 4));
        assertThat(counted.matching()).isEqualTo(10);
        assertThat(register.devices(
                                auditor,
                                new DeviceQuery(
                                        null,
                                        null,
                                        Sector.UNIVERSITY,
                                        SiteKind.SCHOOL,
                                        make,
                                        DeviceStatus.REMOVED,
                                        null,
                                        null,
                                        4))
                        .rows())
                .isEmpty();

        // Status alone, across every body in the database: a page forward and the same page back.
        DeviceQuery removed = new DeviceQuery(null, null, null, null, null, DeviceStatus.REMOVED, null, null, 3);
        DevicePage first = register.devices(auditor, removed);
        DevicePage second = register.devices(auditor, removed.after(first.nextAfter()));
        List<Long> ids = new ArrayList<>();
        first.rows().forEach(r -> ids.add(r.device().id()));
        second.rows().forEach(r -> ids.add(r.device().id()));
        assertThat(ids).isSorted().doesNotHaveDuplicates().hasSize(6);
        assertThat(second.rows()).allMatch(r -> r.device().facts().status() == DeviceStatus.REMOVED);
        DevicePage back = register.devices(
                auditor,
                new DeviceQuery(null, null, null, null, null, DeviceStatus.REMOVED, null, second.previousBefore(), 3));
        assertThat(back.rows()).extracting(r -> r.device().id()).containsExactlyElementsOf(ids.subList(0, 3));
    }

    /** Pages forward to the end, then back from the last page to the first, and returns the serials' prefixes. */
    private List<String> walk(Viewer viewer, DeviceQuery query) {
        List<String> forward = new ArrayList<>();
        List<DevicePage> pages = new ArrayList<>();
        DevicePage page = register.devices(viewer, query);
        while (true) {
            pages.add(page);
            page.rows()
                    .forEach(r -> forward.add(r.device().facts().serialNumber().split("-")[0]));
            if (page.nextAfter() == null) {
                break;
            }
            page = register.devices(viewer, query.after(page.nextAfter()));
        }
        for (int i = pages.size() - 1; i > 0; i--) {
            DevicePage back = register.devices(
                    viewer,
                    new DeviceQuery(
                            query.organisationId(),
                            query.siteId(),
                            query.sector(),
                            query.siteKind(),
                            query.manufacturer(),
                            query.status(),
                            null,
                            pages.get(i).previousBefore(),
                            query.pageSize()));
            assertThat(back.rows())
                    .extracting(r -> r.device().id())
                    .containsExactlyElementsOf(pages.get(i - 1).rows().stream()
                            .map(r -> r.device().id())
                            .toList());
        }
        return forward;
    }
}
