package io.camaudit.returns;

import static io.camaudit.support.Estates.officerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camaudit.audit.AuditEvent;
import io.camaudit.audit.AuditLog;
import io.camaudit.register.Device;
import io.camaudit.register.DeviceDraft;
import io.camaudit.register.DeviceFacts;
import io.camaudit.register.DeviceField;
import io.camaudit.register.DevicePage;
import io.camaudit.register.DeviceQuery;
import io.camaudit.register.DeviceStatus;
import io.camaudit.register.Organisation;
import io.camaudit.register.Register;
import io.camaudit.returns.engine.Xlsx;
import io.camaudit.shared.ConflictException;
import io.camaudit.shared.NotFoundException;
import io.camaudit.shared.Viewer;
import io.camaudit.support.Estates;
import io.camaudit.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

@IntegrationTest
public class ImportIntegrationTest {

    @Autowired
    Imports imports;

    @Autowired
    Register register;

    @Autowired
    AuditLog audit;

    @Autowired
    Estates estates;

    @Value("${camaudit.data-dir}")
    Path dataDir;

    Organisation council;
    Viewer officer;

    @BeforeEach
    void setUp() {
        council = estates.organisation("Exampleton Borough Council");
        officer = officerOf(council);
    }

    static InputStream fixture(String name) {
        return ImportIntegrationTest.class.getResourceAsStream("/fixtures/returns/" + name);
    }

    private long devices() {
        return register.devices(officer, DeviceQuery.all(10).forOrganisation(council.id()))
                .matching();
    }

    @Test
    void previewWritesNothingAndCommitAddsEveryDeviceAndSite() {
        ImportBatch preview =
                imports.preview(officer, council.id(), "foi-council-messy.csv", fixture("foi-council-messy.csv"));
        assertThat(preview.status()).isEqualTo(ImportStatus.PREVIEWED);
        assertThat(preview.deviceCount()).isEqualTo(8);
        assertThat(devices()).isZero();
        assertThat(register.sites(officer, council.id())).isEmpty();

        ImportBatch done = imports.commit(officer, preview.id());
        assertThat(done.status()).isEqualTo(ImportStatus.COMMITTED);
        assertThat(done.createdCount()).isEqualTo(8);
        assertThat(devices()).isEqualTo(8);
        assertThat(register.sites(officer, council.id()))
                .extracting(s -> s.name())
                .containsExactly("Bus Station", "Leisure Centre", "Market Square", "Town Hall");

        DevicePage page = register.devices(officer, DeviceQuery.all(10).forOrganisation(council.id()));
        assertThat(page.rows().get(0).device().provenance().describe())
                .isEqualTo("imported from foi-council-messy.csv row 5");
        List<AuditEvent> events = audit.recent(officer, null, null, 10);
        assertThat(events.get(0).action()).isEqualTo("IMPORT");
        assertThat(events.get(0).summary())
                .isEqualTo("Imported foi-council-messy.csv: 8 devices added, 0 updated, 0 unchanged");
    }

    @Test
    void aCommitWithoutThePreviewsSpoolReadsTheFileAgainAndRefusesOneThatChanged() throws IOException {
        ImportBatch preview =
                imports.preview(officer, council.id(), "foi-council-messy.csv", fixture("foi-council-messy.csv"));
        Path spool = dataDir.resolve("uploads").resolve(preview.fileSha256() + ".devices");
        assertThat(spool).as("the preview spools what it read for the commit").exists();
        Files.delete(spool);
        assertThat(imports.commit(officer, preview.id()).createdCount()).isEqualTo(8);
        imports.undo(officer, preview.id());

        ImportBatch again =
                imports.preview(officer, council.id(), "foi-council-messy.csv", fixture("foi-council-messy.csv"));
        assertThat(spool).exists();
        imports.commit(officer, again.id());
        assertThat(spool).as("a committed preview's spool is removed").doesNotExist();
        imports.undo(officer, again.id());

        ImportBatch altered =
                imports.preview(officer, council.id(), "foi-council-messy.csv", fixture("foi-council-messy.csv"));
        Files.delete(spool);
        Path stored = dataDir.resolve("uploads").resolve(altered.fileSha256());
        Files.writeString(stored, "Site,Manufacturer,Model,Serial number\nDepot,Axis,P3245,X1\n");
        assertThatThrownBy(() -> imports.commit(officer, altered.id()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no longer reads as it did at preview");
        assertThat(devices()).isZero();
        assertThat(imports.batch(officer, altered.id()).status()).isEqualTo(ImportStatus.PREVIEWED);
    }

    @Test
    void reimportingTheSameFileChangesNothing() {
        imports.commit(
                officer,
                imports.preview(officer, council.id(), "a.csv", fixture("foi-council-messy.csv"))
                        .id());
        ImportBatch second = imports.preview(officer, council.id(), "a.csv", fixture("foi-council-messy.csv"));
        assertThat(imports.earlierImportOfSameFile(second)).isNotNull();

        ImportBatch done = imports.commit(officer, second.id());
        assertThat(done.createdCount()).isZero();
        assertThat(done.updatedCount()).isZero();
        assertThat(done.unchangedCount()).isEqualTo(8);
        assertThat(devices()).isEqualTo(8);
    }

    @Test
    void aChangedRowUpdatesItsDeviceAndUndoRestoresIt() {
        imports.commit(
                officer,
                imports.preview(
                                officer,
                                council.id(),
                                "v1.csv",
                                csv(
                                        "Site,Manufacturer,Model,Serial number,Firmware",
                                        "Depot,Hikvision,DS-2CD2143G0-I,SER-1,V5.5.0"))
                        .id());
        ImportBatch v2 = imports.commit(
                officer,
                imports.preview(
                                officer,
                                council.id(),
                                "v2.csv",
                                csv(
                                        "Site,Manufacturer,Model,Serial number,Firmware",
                                        "Depot,Hikvision,DS-2CD2143G0-I,SER-1,V5.7.1",
                                        "Depot,Dahua,IPC-HDW2431T,SER-2,"))
                        .id());
        assertThat(v2.createdCount()).isEqualTo(1);
        assertThat(v2.updatedCount()).isEqualTo(1);
        assertThat(firmwareOf("SER-1")).isEqualTo("V5.7.1");
        // Each fact keeps its own source: the firmware came with v2, the model still with v1.
        Device changed = deviceWithSerial("SER-1");
        assertThat(changed.sourceOf(DeviceField.FIRMWARE).describe()).isEqualTo("imported from v2.csv row 2");
        assertThat(changed.sourceOf(DeviceField.MODEL).describe()).isEqualTo("imported from v1.csv row 2");
        assertThat(changed.sourceOf(DeviceField.SITE).describe()).isEqualTo("imported from v1.csv row 2");

        ImportBatch undone = imports.undo(officer, v2.id());
        assertThat(undone.status()).isEqualTo(ImportStatus.UNDONE);
        assertThat(devices()).isEqualTo(1);
        assertThat(firmwareOf("SER-1")).isEqualTo("V5.5.0");
        DeviceQuery dahua = new DeviceQuery(council.id(), null, null, null, "Dahua", null, null, null, 10);
        assertThat(register.devices(officer, dahua).matching()).isZero();
        assertThatThrownBy(() -> imports.undo(officer, v2.id()))
                .isInstanceOf(ConflictException.class)
                .hasMessage("Import " + v2.id() + " is undone; only a committed import can be undone");
    }

    @Test
    void anEditKeepsTheSourcesOfTheFactsItLeavesAlone() {
        for (String[] file : new String[][] {
            {"v1.csv", "Depot,Hikvision,DS-2CD2143G0-I,SER-1,V5.5.0"},
            {"v2.csv", "Depot,Hikvision,DS-2CD2143G0-I,SER-1,V5.7.1"}
        }) {
            imports.commit(
                    officer,
                    imports.preview(
                                    officer,
                                    council.id(),
                                    file[0],
                                    csv("Site,Manufacturer,Model,Serial number,Firmware", file[1]))
                            .id());
        }
        Device changed = deviceWithSerial("SER-1");
        register.updateDevice(
                officer,
                changed.id(),
                new DeviceDraft(changed.siteId(), null, ser1AsEdited("TAG-9")),
                changed.version());
        Device edited = deviceWithSerial("SER-1");
        assertThat(edited.sourceOf(DeviceField.ASSET_TAG).describe()).isEqualTo("declared by " + officer.username());
        assertThat(edited.sourceOf(DeviceField.FIRMWARE).describe()).isEqualTo("imported from v2.csv row 2");
        assertThat(edited.sourceOf(DeviceField.MODEL).describe()).isEqualTo("imported from v1.csv row 2");
        register.updateDevice(
                officer, edited.id(), new DeviceDraft(edited.siteId(), null, changed.facts()), edited.version());
        assertThat(deviceWithSerial("SER-1").sourceOf(DeviceField.FIRMWARE).describe())
                .isEqualTo("imported from v2.csv row 2");
    }

    @Test
    void aNationalSearchCountsToAThousandWhileABodysCountsThemAll() {
        String make = "Testmake " + council.id();
        String[] lines = new String[1 + DevicePage.NATIONAL_COUNT_LIMIT + 5];
        lines[0] = "Site,Manufacturer,Serial number";
        for (int i = 1; i < lines.length; i++) {
            lines[i] = "Depot," + make + ",N-" + i;
        }
        imports.commit(
                officer,
                imports.preview(officer, council.id(), "many.csv", csv(lines)).id());
        DeviceQuery national = new DeviceQuery(null, null, null, null, make, null, null, null, 50);

        DevicePage first = register.devices(Estates.ADMIN, national);
        assertThat(first.rows()).hasSize(50);
        assertThat(first.matching()).isEqualTo(DevicePage.NATIONAL_COUNT_LIMIT);
        assertThat(first.moreThanCounted()).isTrue();
        DevicePage second = register.devices(Estates.ADMIN, national.after(first.nextAfter()));
        assertThat(second.matching()).isEqualTo(DevicePage.NATIONAL_COUNT_LIMIT);
        assertThat(second.moreThanCounted()).isTrue();
        assertThat(second.rows().get(0).device().id())
                .isGreaterThan(first.rows().get(49).device().id());

        DevicePage own = register.devices(officer, national);
        assertThat(own.matching()).isEqualTo(DevicePage.NATIONAL_COUNT_LIMIT + 5);
        assertThat(own.moreThanCounted()).isFalse();
    }

    @Test
    void undoRemovesTheSitesTheImportMade() {
        ImportBatch done = imports.commit(
                officer,
                imports.preview(officer, council.id(), "a.csv", fixture("foi-council-messy.csv"))
                        .id());
        imports.undo(officer, done.id());
        assertThat(devices()).isZero();
        assertThat(register.sites(officer, council.id())).isEmpty();
    }

    @Test
    void undoIsRefusedIfADeviceWasChangedSince() {
        ImportBatch done = imports.commit(
                officer,
                imports.preview(
                                officer,
                                council.id(),
                                "v1.csv",
                                csv("Site,Manufacturer,Model,Serial number", "Depot,Hikvision,DS-2CD2143G0-I,SER-1"))
                        .id());
        var device = register.devices(officer, DeviceQuery.all(1).forOrganisation(council.id()))
                .rows()
                .get(0)
                .device();
        register.updateDevice(officer, device.id(), new DeviceDraft(device.siteId(), null, ser1AsEdited(null)), null);

        assertThatThrownBy(() -> imports.undo(officer, done.id()))
                .isInstanceOf(ConflictException.class)
                .hasMessage("Device " + device.id() + " has been changed or removed since this import, so the import"
                        + " cannot be undone without losing that change");
        assertThat(devices()).isEqualTo(1);
    }

    @Test
    void aFileWithErrorsCannotBeCommittedAndWritesNothing() {
        ImportBatch preview = imports.preview(officer, council.id(), "errors.csv", fixture("errors-by-row.csv"));
        assertThat(preview.errorCount()).isEqualTo(7);
        assertThatThrownBy(() -> imports.commit(officer, preview.id()))
                .isInstanceOf(ConflictException.class)
                .hasMessage("Import " + preview.id() + " has errors; correct the file and upload it again");
        assertThat(devices()).isZero();
    }

    @Test
    void aHostileWorkbookIsRejectedWithItsReason() {
        byte[] xxe = Xlsx.withSheet(
                "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData/></worksheet>");
        ImportBatch batch = imports.preview(officer, council.id(), "../../evil.xlsx", new ByteArrayInputStream(xxe));
        assertThat(batch.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(batch.fileName()).isEqualTo("evil.xlsx");
        assertThat(batch.rejection()).startsWith("The first sheet of the workbook is not well-formed or is hostile");
        assertThatThrownBy(() -> imports.commit(officer, batch.id())).isInstanceOf(ConflictException.class);
        assertThat(devices()).isZero();
    }

    @Test
    void anOfficerCannotImportIntoOrSeeAnotherBodysImports() {
        Organisation other = estates.organisation("Othertown Council");
        ImportBatch theirs = imports.preview(officerOf(other), other.id(), "a.csv", fixture("foi-council-messy.csv"));

        assertThatThrownBy(() -> imports.preview(officer, other.id(), "a.csv", fixture("foi-council-messy.csv")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> imports.batch(officer, theirs.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> imports.commit(officer, theirs.id())).isInstanceOf(NotFoundException.class);
        assertThat(imports.recent(officer, other.id()))
                .extracting(ImportBatch::id)
                .doesNotContain(theirs.id());
    }

    /** Device SER-1 as an officer saves it by hand: firmware V5.7.1, and the asset tag given. */
    private static DeviceFacts ser1AsEdited(String assetTag) {
        return new DeviceFacts(
                "Hikvision",
                null,
                "DS-2CD2143G0-I",
                "V5.7.1",
                "SER-1",
                null,
                null,
                assetTag,
                java.util.Set.of(),
                DeviceStatus.IN_SERVICE,
                null,
                null);
    }

    private String firmwareOf(String serial) {
        return deviceWithSerial(serial).facts().firmware();
    }

    private Device deviceWithSerial(String serial) {
        return register.devices(officer, DeviceQuery.all(100).forOrganisation(council.id())).rows().stream()
                .filter(r -> serial.equals(r.device().facts().serialNumber()))
                .findFirst()
                .orElseThrow()
                .device();
    }

    private static InputStream csv(String... lines) {
        return new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
