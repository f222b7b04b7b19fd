package io.camaudit.returns.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camaudit.register.Capability;
import io.camaudit.register.DeviceStatus;
import io.camaudit.register.SiteKind;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReturnReaderTest {

    @TempDir
    Path temp;

    private final ReturnReader reader = new ReturnReader(ReturnLimits.DEFAULT);

    static Path fixture(String name) {
        try {
            return Path.of(ReturnReaderTest.class
                    .getResource("/fixtures/returns/" + name)
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<ReturnDevice> read(Path file, List<ReturnReport> report) {
        List<ReturnDevice> devices = new ArrayList<>();
        report.add(reader.read(file, 3, devices::addAll));
        return devices;
    }

    @Test
    void readsAMessyFreedomOfInformationAnswerUnderItsTitleRows() {
        List<ReturnReport> reports = new ArrayList<>();
        List<ReturnDevice> devices = read(fixture("foi-council-messy.csv"), reports);
        ReturnReport report = reports.get(0);

        assertThat(report.format()).isEqualTo(ReturnFormat.CSV);
        assertThat(report.headerRow()).isEqualTo(4);
        assertThat(report.recognisedColumns())
                .containsEntry("Location", "Site")
                .containsEntry("Camera Make", "Manufacturer")
                .containsEntry("Model No.", "Model")
                .containsEntry("No. of cameras", "Quantity")
                .containsEntry("Facial recognition", "Face recognition");
        assertThat(report.rows()).isEqualTo(5);
        assertThat(report.errors()).isZero();
        assertThat(report.devices()).isEqualTo(8);
        assertThat(devices).hasSize(8);

        ReturnDevice first = devices.get(0);
        assertThat(first.naturalKey()).isEqualTo("serial:DS-2CD2143G0-I20200101AACH123456789");
        assertThat(first.row().facts().manufacturer()).isEqualTo("HIK VISION");
        assertThat(first.row().facts().macAddress().value()).isEqualTo("44:19:b6:0a:0b:0c");
        assertThat(first.row().siteKind()).isEqualTo(SiteKind.OFFICE);
        assertThat(first.row().facts().status()).isEqualTo(DeviceStatus.IN_SERVICE);

        // Three uncounted cameras of one model at one site get ordinals, so a re-import finds them again.
        assertThat(devices.subList(1, 4))
                .extracting(ReturnDevice::naturalKey)
                .containsExactly(
                        "row:townhall|hikvison|ds2cd2t47g2l|1",
                        "row:townhall|hikvison|ds2cd2t47g2l|2",
                        "row:townhall|hikvison|ds2cd2t47g2l|3");
        assertThat(devices.get(4).row().facts().capabilities()).containsExactly(Capability.FACE_RECOGNITION);
        assertThat(devices.get(4).row().siteKind()).isEqualTo(SiteKind.TOWN_CENTRE);
        assertThat(devices.get(5).row().siteKind()).isEqualTo(SiteKind.LEISURE_CENTRE);
    }

    @Test
    void namesEveryBadCellByRowAndColumn() {
        List<ReturnReport> reports = new ArrayList<>();
        List<ReturnDevice> devices = read(fixture("errors-by-row.csv"), reports);
        ReturnReport report = reports.get(0);

        assertThat(report.canCommit()).isFalse();
        assertThat(report.issues())
                .extracting(Issue::row, Issue::column, Issue::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                2L,
                                "MAC address",
                                "\"zz:zz:zz:00:00:01\" is not a MAC address such as 44:19:B6:01:02:03"),
                        org.assertj.core.groups.Tuple.tuple(
                                2L, "IP address", "\"10.0.0.300\" is not an IPv4 or IPv6 address"),
                        org.assertj.core.groups.Tuple.tuple(
                                2L, "Status", "\"switched off\" is not in service, removed or replaced"),
                        org.assertj.core.groups.Tuple.tuple(
                                2L, "Installed", "\"31/02/2021\" is not a date such as 2021-03-31 or 31/03/2021"),
                        org.assertj.core.groups.Tuple.tuple(
                                3L,
                                "Manufacturer",
                                "The cell starts with \"=\" and would run as a spreadsheet formula; remove it or prefix"
                                        + " the cell with an apostrophe"),
                        org.assertj.core.groups.Tuple.tuple(
                                5L, "Serial number", "Another row has the same serial number (SER-0009)"),
                        org.assertj.core.groups.Tuple.tuple(6L, null, "The row names no manufacturer, brand or model"));
        assertThat(report.errors()).isEqualTo(7);
        assertThat(devices).extracting(ReturnDevice::naturalKey).containsExactly("serial:SER-0009");
    }

    @Test
    void refusesTextThatIsNotUtf8NamingTheRow() {
        assertThatThrownBy(() -> reader.read(fixture("windows-1252.csv"), 10, chunk -> {}))
                .isInstanceOf(ReturnFileException.class)
                .hasMessage("The file is not UTF-8 text (line 3). Save it as \"CSV UTF-8\" and upload it again");
    }

    @Test
    void refusesAFileWithNoHeaderRow() {
        assertThatThrownBy(() -> reader.read(fixture("no-header.csv"), 10, chunk -> {}))
                .isInstanceOf(ReturnFileException.class)
                .hasMessageStartingWith("No header row was found in the first 15 rows");
    }

    @Test
    void reportsAHeaderWithoutData() {
        ReturnReport report = reader.read(fixture("header-only.csv"), 10, chunk -> {});
        assertThat(report.canCommit()).isFalse();
        assertThat(report.issues())
                .extracting(Issue::message)
                .containsExactly("The file has a header row but no data rows");
    }

    @Test
    void refusesAnOldXlsWorkbookByItsBytesWhateverItsName() throws IOException {
        Path file = temp.resolve("return.csv");
        Files.write(
                file,
                new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1});
        assertThatThrownBy(() -> reader.read(file, 10, chunk -> {}))
                .isInstanceOf(ReturnFileException.class)
                .hasMessageStartingWith("This is an older .xls workbook or a password-protected one");
    }

    @Test
    void refusesUtf16Text() throws IOException {
        Path file = temp.resolve("utf16.csv");
        Files.writeString(file, "Site,Manufacturer\nA,Hikvision\n", java.nio.charset.StandardCharsets.UTF_16LE);
        assertThatThrownBy(() -> reader.read(file, 10, chunk -> {}))
                .isInstanceOf(ReturnFileException.class)
                .hasMessageContaining("UTF-16");
    }

    @Test
    void refusesAnUnterminatedQuote() throws IOException {
        Path file = temp.resolve("quote.csv");
        Files.writeString(file, "Site,Manufacturer,Model\nA,\"Hikvision,DS-1\nB,Dahua,IPC\n");
        assertThatThrownBy(() -> reader.read(file, 10, chunk -> {}))
                .isInstanceOf(ReturnFileException.class)
                .hasMessageStartingWith("The CSV file is malformed near row");
    }

    @Test
    void enforcesTheRowLimit() throws IOException {
        Path file = temp.resolve("long.csv");
        StringBuilder csv = new StringBuilder("Site,Manufacturer,Model\n");
        for (int i = 0; i < 20; i++) {
            csv.append("A,Hikvision,DS-").append(i).append('\n');
        }
        Files.writeString(file, csv);
        ReturnReader small = new ReturnReader(new ReturnLimits(1 << 20, 10, 50, 100, 1 << 20));
        assertThatThrownBy(() -> small.read(file, 10, chunk -> {}))
                .isInstanceOf(ReturnFileException.class)
                .hasMessage("The file has more than 10 rows; split it into smaller files");
    }

    @Test
    void acceptsSemicolonSeparatedFilesWithAByteOrderMark() throws IOException {
        Path file = temp.resolve("semi.csv");
        Files.writeString(file, "\uFEFFSite;Make;Model;Quantity\nDepot;Dahua;IPC-HFW5442E-ZE;2\n");
        List<ReturnDevice> devices = new ArrayList<>();
        ReturnReport report = reader.read(file, 10, devices::addAll);
        assertThat(report.errors()).isZero();
        assertThat(devices).hasSize(2);
        assertThat(devices.get(0).row().siteName()).isEqualTo("Depot");
    }
}
