package io.camaudit.egress.engine;

import com.maxmind.db.CHMCache;
import com.maxmind.db.Reader;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Country and autonomous system from an operator's own MaxMind DB files: a GeoLite2 or commercial
 * country (or city) database, and optionally an ASN database; ip-location-db's files read too.
 * They are never bundled (GeoLite2's licence forbids passing them on); the operator names them,
 * and every report names them with their type and build date.
 */
public final class MaxMindFiles implements Geo, AutoCloseable {

    private final Reader countries;
    private final @Nullable Reader asns;
    private final String description;

    private MaxMindFiles(Reader countries, @Nullable Reader asns, String description) {
        this.countries = countries;
        this.asns = asns;
        this.description = description;
    }

    /** @throws IOException naming the file that is missing or not a MaxMind DB */
    public static MaxMindFiles open(Path countryFile, @Nullable Path asnFile) throws IOException {
        Reader countries = reader(countryFile);
        Reader asns = asnFile == null ? null : reader(asnFile);
        String description = "the operator's files: " + describe(countryFile, countries)
                + (asns == null ? "" : "; " + describe(asnFile, asns));
        return new MaxMindFiles(countries, asns, description);
    }

    private static Reader reader(Path file) throws IOException {
        File f = file.toFile();
        if (!f.isFile()) {
            throw new IOException(file + " is not a file");
        }
        try {
            return new Reader(f, new CHMCache());
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + " is not a MaxMind DB file: " + e.getMessage(), e);
        }
    }

    private static String describe(Path file, Reader reader) {
        return file.getFileName() + " (" + reader.getMetadata().databaseType() + ", built "
                + reader.getMetadata().buildTime().toString().substring(0, 10) + ")";
    }

    @Override
    public @Nullable String country(Ip address) {
        try {
            Map<?, ?> record = countries.get(address.toInetAddress(), Map.class);
            if (record == null) {
                return null;
            }
            if (record.get("country_code") instanceof String code) {
                return code; // ip-location-db
            }
            for (String key : new String[] {"country", "registered_country"}) {
                if (record.get(key) instanceof Map<?, ?> country && country.get("iso_code") instanceof String code) {
                    return code; // GeoLite2 and GeoIP2
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public @Nullable Asn asn(Ip address) {
        if (asns == null) {
            return null;
        }
        try {
            Map<?, ?> record = asns.get(address.toInetAddress(), Map.class);
            if (record == null || !(record.get("autonomous_system_number") instanceof Number number)) {
                return null;
            }
            Object owner = record.get("autonomous_system_organization");
            return new Asn(number.longValue(), owner == null ? "" : owner.toString());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() throws IOException {
        countries.close();
        if (asns != null) {
            asns.close();
        }
    }
}
