package io.camaudit.returns.engine;

import io.camaudit.register.Capability;
import io.camaudit.register.DeviceFacts;
import io.camaudit.register.DeviceStatus;
import io.camaudit.register.IpAddress;
import io.camaudit.register.MacAddress;
import io.camaudit.register.SiteDraft;
import io.camaudit.register.SiteKind;
import io.camaudit.register.Text;
import io.camaudit.shared.Labelled;
import io.camaudit.shared.SpreadsheetCells;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Turns one data row of a return into a {@link ReturnRow}, or into issues naming row and column. */
final class ReturnRowParser {

    static final int MAX_QUANTITY = 10_000;

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("d/M/uuuu", Locale.UK).withResolverStyle(java.time.format.ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d-M-uuuu", Locale.UK).withResolverStyle(java.time.format.ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d.M.uuuu", Locale.UK).withResolverStyle(java.time.format.ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d MMM uuuu", Locale.UK)
                    .withResolverStyle(java.time.format.ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK)
                    .withResolverStyle(java.time.format.ResolverStyle.STRICT));

    private static final Map<String, Capability> CAPABILITY_WORDS = Map.ofEntries(
            Map.entry("face", Capability.FACE_RECOGNITION),
            Map.entry("facial", Capability.FACE_RECOGNITION),
            Map.entry("facialrecognition", Capability.FACE_RECOGNITION),
            Map.entry("facerecognition", Capability.FACE_RECOGNITION),
            Map.entry("frt", Capability.FACE_RECOGNITION),
            Map.entry("audio", Capability.AUDIO),
            Map.entry("microphone", Capability.AUDIO),
            Map.entry("anpr", Capability.ANPR),
            Map.entry("alpr", Capability.ANPR),
            Map.entry("thermal", Capability.THERMAL),
            Map.entry("ptz", Capability.PTZ),
            Map.entry("pantiltzoom", Capability.PTZ),
            Map.entry("analytics", Capability.ANALYTICS),
            Map.entry("videoanalytics", Capability.ANALYTICS));

    private static final Map<String, SiteKind> SITE_KIND_WORDS = Map.of(
            "street", SiteKind.PUBLIC_STREET,
            "publicspace", SiteKind.PUBLIC_STREET,
            "towncentre", SiteKind.TOWN_CENTRE,
            "citycentre", SiteKind.TOWN_CENTRE,
            "stadium", SiteKind.SPORTS_GROUND,
            "academy", SiteKind.SCHOOL,
            "college", SiteKind.SCHOOL,
            "custody", SiteKind.CUSTODY_SUITE,
            "station", SiteKind.TRANSPORT_HUB,
            "offices", SiteKind.OFFICE);

    private final Map<Column, Integer> columns;

    ReturnRowParser(Map<Column, Integer> columns) {
        this.columns = columns;
    }

    /** Parses a data row; reports issues through {@code issues}; empty if the row had an error. */
    Optional<ReturnRow> parse(long rowNumber, List<String> cells, Consumer<Issue> issues) {
        Cells row = new Cells(rowNumber, cells, issues);
        String site = row.text(Column.SITE, 200);
        String address = row.text(Column.ADDRESS, 400);
        String postcode = row.text(Column.POSTCODE, 10);
        if (postcode != null) {
            try {
                postcode = new SiteDraft("x", null, postcode, SiteKind.OTHER, false).postcode();
            } catch (IllegalArgumentException e) {
                row.error(Column.POSTCODE, e.getMessage());
            }
        }
        SiteKind kind = row.parsed(Column.SITE_KIND, this::siteKind, "a kind of place such as \"Town centre\"");
        boolean sensitive = Boolean.TRUE.equals(row.parsed(Column.SENSITIVE, ReturnRowParser::yesNo, "yes or no"));
        String system = row.text(Column.SYSTEM, 200);
        String manufacturer = row.text(Column.MANUFACTURER, 200);
        String brand = row.text(Column.BRAND, 200);
        String model = row.text(Column.MODEL, 200);
        String firmware = row.text(Column.FIRMWARE, 100);
        String serial = row.text(Column.SERIAL, 100);
        String assetTag = row.text(Column.ASSET_TAG, 100);
        MacAddress mac = row.parsed(Column.MAC, ReturnRowParser::mac, "a MAC address such as 44:19:B6:01:02:03");
        IpAddress ip = row.parsed(Column.IP, ReturnRowParser::ip, "an IPv4 or IPv6 address");
        Set<Capability> capabilities = capabilities(row);
        DeviceStatus status = row.parsed(Column.STATUS, ReturnRowParser::status, "in service, removed or replaced");
        LocalDate installed =
                row.parsed(Column.INSTALLED_ON, ReturnRowParser::date, "a date such as 2021-03-31 or 31/03/2021");
        LocalDate changed =
                row.parsed(Column.STATUS_CHANGED_ON, ReturnRowParser::date, "a date such as 2021-03-31 or 31/03/2021");
        Integer quantity =
                row.parsed(Column.QUANTITY, ReturnRowParser::quantity, "a whole number from 1 to " + MAX_QUANTITY);

        if (manufacturer == null && brand == null && model == null && !row.failed) {
            row.error(null, "The row names no manufacturer, brand or model");
        }
        int count = quantity == null ? 1 : quantity;
        if (count > 1 && (serial != null || mac != null || assetTag != null)) {
            row.error(
                    Column.QUANTITY,
                    "A row with a serial number, MAC address or asset tag stands for one device,"
                            + " but the quantity is " + count);
        }
        if (status == null) {
            status = changed != null ? DeviceStatus.REMOVED : DeviceStatus.IN_SERVICE;
            if (changed != null) {
                row.warning(Column.STATUS, "No status given but a removal date is: taken as removed");
            }
        }
        if (row.failed) {
            return Optional.empty();
        }
        try {
            DeviceFacts facts = new DeviceFacts(
                    manufacturer,
                    brand,
                    model,
                    firmware,
                    serial,
                    mac,
                    ip,
                    assetTag,
                    capabilities,
                    status,
                    installed,
                    changed);
            return Optional.of(
                    new ReturnRow(rowNumber, site, address, postcode, kind, sensitive, system, facts, count));
        } catch (IllegalArgumentException e) {
            row.error(Column.STATUS_CHANGED_ON, capitalise(e.getMessage()));
            return Optional.empty();
        }
    }

    private Set<Capability> capabilities(Cells row) {
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        String listed = row.text(Column.CAPABILITIES, 400);
        if (listed != null) {
            for (String word : listed.split("[,;/|+]|\\band\\b")) {
                String key = Labelled.squash(word);
                if (key.isEmpty() || key.equals("none")) {
                    continue;
                }
                Capability capability = CAPABILITY_WORDS.get(key);
                if (capability == null) {
                    row.error(
                            Column.CAPABILITIES,
                            "\"" + word.strip() + "\" is not a capability camaudit records"
                                    + " (face recognition, audio, ANPR, thermal, PTZ, analytics)");
                } else {
                    capabilities.add(capability);
                }
            }
        }
        flag(row, Column.FACE_RECOGNITION, Capability.FACE_RECOGNITION, capabilities);
        flag(row, Column.AUDIO, Capability.AUDIO, capabilities);
        flag(row, Column.ANPR, Capability.ANPR, capabilities);
        flag(row, Column.THERMAL, Capability.THERMAL, capabilities);
        flag(row, Column.PTZ, Capability.PTZ, capabilities);
        flag(row, Column.ANALYTICS, Capability.ANALYTICS, capabilities);
        return capabilities;
    }

    private static void flag(Cells row, Column column, Capability capability, Set<Capability> into) {
        if (Boolean.TRUE.equals(row.parsed(column, ReturnRowParser::yesNo, "yes or no"))) {
            into.add(capability);
        }
    }

    private @Nullable SiteKind siteKind(String text) {
        return Labelled.parse(SiteKind.class, text).orElseGet(() -> SITE_KIND_WORDS.get(Labelled.squash(text)));
    }

    static @Nullable Boolean yesNo(String text) {
        return switch (Labelled.squash(text)) {
            case "yes", "y", "true", "1", "x", "enabled", "on" -> Boolean.TRUE;
            case "no", "n", "false", "0", "disabled", "off", "na", "none" -> Boolean.FALSE;
            default -> text.strip().equals("\u2713") ? Boolean.TRUE : null;
        };
    }

    private static @Nullable DeviceStatus status(String text) {
        return switch (Labelled.squash(text)) {
            case "inservice", "active", "live", "operational", "inuse", "working", "yes", "installed" ->
                DeviceStatus.IN_SERVICE;
            case "removed", "decommissioned", "disconnected", "retired" -> DeviceStatus.REMOVED;
            case "replaced", "superseded" -> DeviceStatus.REPLACED;
            default -> null;
        };
    }

    private static @Nullable MacAddress mac(String text) {
        try {
            return MacAddress.of(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable IpAddress ip(String text) {
        try {
            return IpAddress.of(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static @Nullable LocalDate date(String text) {
        String value = text.strip();
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(value, format);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return null;
    }

    private static @Nullable Integer quantity(String text) {
        String value = text.strip();
        if (value.endsWith(".0")) {
            value = value.substring(0, value.length() - 2);
        }
        if (!value.matches("\\d{1,6}")) {
            return null;
        }
        int n = Integer.parseInt(value);
        return n >= 1 && n <= MAX_QUANTITY ? n : null;
    }

    private static String capitalise(@Nullable String message) {
        if (message == null || message.isEmpty()) {
            return "Invalid row";
        }
        return Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    /** One row's cells with the column map, collecting issues as they are read. */
    private final class Cells {
        final long rowNumber;
        final List<String> cells;
        final Consumer<Issue> issues;
        boolean failed;

        Cells(long rowNumber, List<String> cells, Consumer<Issue> issues) {
            this.rowNumber = rowNumber;
            this.cells = cells;
            this.issues = issues;
        }

        @Nullable
        String raw(Column column) {
            Integer index = columns.get(column);
            if (index == null || index >= cells.size()) {
                return null;
            }
            String value = cells.get(index).strip();
            return value.isEmpty() ? null : value;
        }

        @Nullable
        String text(Column column, int max) {
            String value = raw(column);
            if (value == null) {
                return null;
            }
            if (SpreadsheetCells.looksLikeFormula(value)) {
                error(
                        column,
                        "The cell starts with " + printable(value.charAt(0)) + " and would run as a spreadsheet"
                                + " formula; remove it or prefix the cell with an apostrophe");
                return null;
            }
            try {
                return Text.optional(value, column.label().toLowerCase(Locale.ROOT), max);
            } catch (IllegalArgumentException e) {
                error(column, capitalise(e.getMessage()));
                return null;
            }
        }

        <T> @Nullable T parsed(
                Column column, java.util.function.Function<String, @Nullable T> parser, String expected) {
            String value = text(column, 400);
            if (value == null) {
                return null;
            }
            T result = parser.apply(value);
            if (result == null) {
                error(column, "\"" + value + "\" is not " + expected);
            }
            return result;
        }

        void error(@Nullable Column column, String message) {
            failed = true;
            issues.accept(Issue.error(rowNumber, column, message));
        }

        void warning(@Nullable Column column, String message) {
            issues.accept(Issue.warning(rowNumber, column, message));
        }
    }

    private static String printable(char c) {
        return switch (c) {
            case '\t' -> "a tab";
            case '\r' -> "a carriage return";
            default -> "\"" + c + "\"";
        };
    }
}
