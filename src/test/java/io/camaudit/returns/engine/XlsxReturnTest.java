package io.camaudit.returns.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxReturnTest {

    @TempDir
    Path temp;

    private final ReturnReader reader = new ReturnReader(ReturnLimits.DEFAULT);

    @Test
    void readsTheFirstSheetOfAWorkbookWithDatesAndNumbers() throws IOException {
        Path file = temp.resolve("return.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = book.createSheet("Cameras");
            CellStyle date = book.createCellStyle();
            // Excel's built-in format 14 shows as m/d/yy in a US locale: the reader must not care.
            date.setDataFormat((short) 14);
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue("CCTV asset register");
            headings(sheet, 2, "Site", "Make", "Model", "Serial No", "Qty", "Date installed");
            Row row = sheet.createRow(3);
            row.createCell(0).setCellValue("Civic Centre");
            row.createCell(1).setCellValue("Hikvision");
            row.createCell(2).setCellValue("DS-2CD2143G0-I");
            row.createCell(4).setCellValue(2);
            row.createCell(5).setCellValue(LocalDate.of(2019, 3, 4));
            row.getCell(5).setCellStyle(date);
            book.write(out);
        }
        List<ReturnDevice> devices = new ArrayList<>();
        ReturnReport report = reader.read(file, 10, devices::addAll);

        assertThat(report.format()).isEqualTo(ReturnFormat.XLSX);
        assertThat(report.headerRow()).isEqualTo(3);
        assertThat(report.errors()).isZero();
        assertThat(devices).hasSize(2);
        assertThat(devices.get(0).row().facts().installedOn()).isEqualTo(LocalDate.of(2019, 3, 4));
        assertThat(devices.get(0).row().siteName()).isEqualTo("Civic Centre");
    }

    @Test
    void readsInlineStringsNumbersBooleansAndFormulaResultsAsText() throws IOException {
        Path file = temp.resolve("streamed.xlsx");
        // SXSSF writes strings inline (<is><t>) rather than in the shared table, as some exporters do.
        try (SXSSFWorkbook book = new SXSSFWorkbook(100);
                OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = book.createSheet("Export");
            headings(sheet, 0, "Site", "Manufacturer", "Model", "Serial number", "Face recognition", "Firmware");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("  Depot ");
            row.createCell(1).setCellValue("Dahua");
            row.createCell(2).setCellFormula("\"IPC-\"&\"HDW2431T\"");
            row.createCell(3).setCellValue(20230415);
            row.createCell(4).setCellValue(true);
            row.createCell(5).setCellValue(2.8);
            book.setForceFormulaRecalculation(false);
            book.write(out);
        }
        List<ReturnDevice> devices = new ArrayList<>();
        ReturnReport report = reader.read(file, 10, devices::addAll);

        assertThat(report.errors()).as(report.toString()).isZero();
        var facts = devices.get(0).row().facts();
        assertThat(devices.get(0).row().siteName()).isEqualTo("Depot");
        assertThat(facts.manufacturer()).isEqualTo("Dahua");
        assertThat(facts.serialNumber()).isEqualTo("20230415");
        assertThat(facts.capabilities()).contains(io.camaudit.register.Capability.FACE_RECOGNITION);
        assertThat(facts.firmware()).isEqualTo("2.8");
    }

    @Test
    void readsAMinimalHandBuiltPackage() {
        Path file = Xlsx.write(
                temp.resolve("min.xlsx"),
                Xlsx.of(List.of(
                        List.of("Site", "Manufacturer", "Model", "Serial number"),
                        List.of("Depot", "Dahua", "IPC-HDW2431T-AS-S2", "7M0A1B2C3D4E5F6"))));
        List<ReturnDevice> devices = new ArrayList<>();
        ReturnReport report = reader.read(file, 10, devices::addAll);
        assertThat(report.errors()).isZero();
        assertThat(devices).extracting(ReturnDevice::naturalKey).containsExactly("serial:7M0A1B2C3D4E5F6");
    }

    @Test
    void rejectsXxeInASheet() {
        Path file = Xlsx.write(
                temp.resolve("xxe.xlsx"),
                Xlsx.withSheet(
                        "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>"
                                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Site</t></is></c><c r=\"B1\" t=\"inlineStr\">"
                                + "<is><t>&secret;</t></is></c></row></sheetData></worksheet>"));
        assertThatThrownBy(() -> reader.read(file, 10, chunk -> {}))
                .isInstanceOf(ReturnFileException.class)
                .hasMessageStartingWith("The first sheet of the workbook is not well-formed or is hostile")
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void rejectsEntityExpansionInASheet() {
        StringBuilder laughs = new StringBuilder("<!DOCTYPE worksheet [<!ENTITY lol \"lol\">");
        for (int i = 1; i < 10; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                laughs.append("&lol")
                        .append(i == 1 ? "" : String.valueOf(i - 1))
                        .append(';');
            }
            laughs.append("\">");
        }
        laughs.append("]>");
        Path file = Xlsx.write(
                temp.resolve("laughs.xlsx"),
                Xlsx.withSheet(
                        "<?xml version=\"1.0\"?>" + laughs
                                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>"));
        assertThatThrownBy(() -> reader.read(file, 10, chunk -> {}))
                .isInstanceOf(ReturnFileException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void rejectsAZipBomb() {
        // 50 MB of blanks inside one row compress to about 50 kB: a ratio no real sheet has.
        String padding = " ".repeat(50 << 20);
        Path file = Xlsx.write(
                temp.resolve("bomb.xlsx"),
                Xlsx.withSheet(
                        "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                                + "<sheetData>" + padding + "</sheetData></worksheet>"));
        assertThatThrownBy(() -> reader.read(file, 10, chunk -> {}))
                .isInstanceOf(ReturnFileException.class)
                .hasMessage("The workbook inflates far beyond its size (a zip bomb) and was refused");
    }

    @Test
    void rejectsAZipThatIsNotAWorkbook() {
        Path file = Xlsx.write(temp.resolve("other.xlsx"), new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 1, 2, 3});
        assertThatThrownBy(() -> reader.read(file, 10, chunk -> {}))
                .isInstanceOf(ReturnFileException.class)
                .hasMessageStartingWith("The file is not a valid XLSX workbook");
    }

    private static void headings(Sheet sheet, int rowIndex, String... headings) {
        Row header = sheet.createRow(rowIndex);
        for (int i = 0; i < headings.length; i++) {
            header.createCell(i).setCellValue(headings[i]);
        }
    }
}
