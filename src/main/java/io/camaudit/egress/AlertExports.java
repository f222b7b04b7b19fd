package io.camaudit.egress;

import io.camaudit.shared.SpreadsheetCells;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * A body's alerts for others to read: CSV for a spreadsheet (formula-like cells neutralised),
 * JSON lines and syslog (RFC 5424, with the alert as structured data) for a security operations
 * centre.
 */
public final class AlertExports {

    static final List<String> COLUMNS = List.of(
            "id",
            "status",
            "severity",
            "rule",
            "device",
            "destination",
            "port",
            "protocol",
            "name",
            "service",
            "country",
            "asn",
            "asn_owner",
            "first_seen",
            "last_seen",
            "flows",
            "bytes",
            "packets",
            "comment",
            "geolocation_data");

    private AlertExports() {}

    public static String csv(List<AlertView> alerts) {
        StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (AlertView a : alerts) {
            List<Object> values = List.of(
                    a.id(),
                    a.status(),
                    a.severity(),
                    a.rule(),
                    a.deviceId(),
                    a.destination(),
                    a.port(),
                    a.protocol(),
                    a.name() == null ? "" : a.name(),
                    a.endpoint() == null ? "" : a.endpoint(),
                    a.country() == null ? "" : a.country(),
                    a.asn() == null ? "" : a.asn(),
                    a.asnOwner() == null ? "" : a.asnOwner(),
                    a.firstSeen(),
                    a.lastSeen(),
                    a.flows(),
                    a.bytes(),
                    a.packets(),
                    a.comment() == null ? "" : a.comment(),
                    a.geoData());
            out.append(values.stream().map(v -> cell(String.valueOf(v))).collect(Collectors.joining(",")))
                    .append("\r\n");
        }
        return out.toString();
    }

    private static String cell(String text) {
        return SpreadsheetCells.csv(text);
    }

    public static String jsonLines(List<AlertView> alerts, JsonMapper json) {
        StringBuilder out = new StringBuilder();
        for (AlertView a : alerts) {
            out.append(json.writeValueAsString(a)).append('\n');
        }
        return out.toString();
    }

    /** One RFC 5424 line an alert: priority from the severity (facility 4, security), the alert as structured data. */
    public static String syslog(List<AlertView> alerts, String host) {
        StringBuilder out = new StringBuilder();
        for (AlertView a : alerts) {
            int severity = switch (a.severity()) {
                case "HIGH" -> 2;
                case "MEDIUM" -> 4;
                default -> 5;
            };
            out.append('<')
                    .append(4 * 8 + severity)
                    .append(">1 ")
                    .append(DateTimeFormatter.ISO_INSTANT.format(a.lastSeen()))
                    .append(' ')
                    .append(host)
                    .append(" camaudit - egress-alert [camaudit@32473")
                    .append(param("id", String.valueOf(a.id())))
                    .append(param("rule", a.rule()))
                    .append(param("device", String.valueOf(a.deviceId())))
                    .append(param("destination", a.destination()))
                    .append(param("port", String.valueOf(a.port())))
                    .append(param("country", a.country() == null ? "" : a.country()))
                    .append(param("flows", String.valueOf(a.flows())))
                    .append(param("bytes", String.valueOf(a.bytes())))
                    .append(param("status", a.status().toLowerCase(Locale.ROOT)))
                    .append("] ")
                    .append(a.summary().replace('\n', ' '))
                    .append('\n');
        }
        return out.toString();
    }

    /** An SD-PARAM, escaping what RFC 5424 6.3.3 says must be: ", \ and ]. */
    private static String param(String name, String value) {
        return " " + name + "=\""
                + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("]", "\\]") + "\"";
    }
}
