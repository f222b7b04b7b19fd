package io.camaudit.capability.engine;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A firmware version as devices write it, read into the parts advisories compare: the dotted
 * version and the build date. Hikvision writes {@code V5.4.0 build 160530} (or {@code V5.4.0
 * b160530}, the build as yymmdd); Dahua writes {@code 2.800.0000016.0.R} and gives the build
 * date apart ({@code build:2020-07-07}, {@code Build Date: 2020-07-07}).
 */
public record Firmware(
        String text, List<Integer> version, @Nullable LocalDate built) implements Comparable<Firmware> {

    private static final Pattern HIKVISION =
            Pattern.compile("(?i)V?(\\d{1,3}(?:\\.\\d{1,7}){1,4})\\s*(?:build|b)\\s*(\\d{6})\\b");
    private static final Pattern DOTTED = Pattern.compile("(\\d{1,7}(?:\\.\\d{1,7}){1,5})");
    private static final Pattern ISO_DATE = Pattern.compile("(20\\d\\d)-(\\d\\d)-(\\d\\d)");

    public Firmware {
        version = List.copyOf(version);
    }

    /** Reads what it can; a text with neither a version nor a build date gives an empty version and no date. */
    public static Firmware parse(String text) {
        Matcher hik = HIKVISION.matcher(text);
        if (hik.find()) {
            String yymmdd = hik.group(2);
            return new Firmware(
                    text,
                    numbers(hik.group(1)),
                    date(
                            2000 + Integer.parseInt(yymmdd.substring(0, 2)),
                            Integer.parseInt(yymmdd.substring(2, 4)),
                            Integer.parseInt(yymmdd.substring(4, 6))));
        }
        LocalDate built = null;
        Matcher iso = ISO_DATE.matcher(text);
        String rest = text;
        if (iso.find()) {
            built = date(
                    Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
            rest = text.substring(0, iso.start()) + text.substring(iso.end());
        }
        Matcher dotted = DOTTED.matcher(rest);
        return new Firmware(text, dotted.find() ? numbers(dotted.group(1)) : List.of(), built);
    }

    public boolean known() {
        return !version.isEmpty() || built != null;
    }

    private static List<Integer> numbers(String dotted) {
        List<Integer> parts = new ArrayList<>();
        for (String part : dotted.split("\\.")) {
            parts.add(Integer.parseInt(part));
        }
        return parts;
    }

    private static @Nullable LocalDate date(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null; // an impossible date is no date
        }
    }

    /** By version, then by build date (an unknown build sorts first). */
    @Override
    public int compareTo(Firmware other) {
        for (int i = 0; i < Math.max(version.size(), other.version.size()); i++) {
            int a = i < version.size() ? version.get(i) : 0;
            int b = i < other.version.size() ? other.version.get(i) : 0;
            if (a != b) {
                return Integer.compare(a, b);
            }
        }
        if (built == null || other.built == null) {
            return built == null ? (other.built == null ? 0 : -1) : 1;
        }
        return built.compareTo(other.built);
    }
}
