package io.camaudit.returns.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The file kinds a return may come as, told apart by their first bytes, never by their name. */
public enum ReturnFormat {
    CSV,
    XLSX;

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    public static ReturnFormat detect(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8);
        } catch (IOException e) {
            throw new ReturnFileException("The file could not be read: " + e.getMessage(), e);
        }
        if (head.length == 0) {
            throw new ReturnFileException("The file is empty");
        }
        if (startsWith(head, ZIP)) {
            return XLSX;
        }
        if (startsWith(head, OLE2)) {
            throw new ReturnFileException("This is an older .xls workbook or a password-protected one; save it as"
                    + " .xlsx (Excel Workbook) or as CSV UTF-8 and upload it again");
        }
        for (byte b : head) {
            if (b == 0) {
                throw new ReturnFileException("The file is neither CSV text nor an XLSX workbook (it holds binary data,"
                        + " or is UTF-16 text: save it as CSV UTF-8)");
            }
        }
        return CSV;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
