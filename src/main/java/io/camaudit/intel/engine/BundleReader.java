package io.camaudit.intel.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads an intel bundle from a folder, a zip or the classpath, and checks it whole: every file and
 * column present, every reference resolving, every entry with a source and a date it was checked,
 * every model grammar compiling and matching its own example. A bundle with any problem is refused
 * with all of them listed, each naming its file, line and column.
 */
public final class BundleReader {

    /** The files of a bundle; a bundle has exactly these. */
    public static final List<String> FILES = List.of(
            "bundle.properties",
            "sources.csv",
            "companies.csv",
            "ownership.csv",
            "brands.csv",
            "product_lines.csv",
            "listings.csv",
            "listing_entries.csv",
            "findings.csv",
            "registry_names.csv",
            "policies.csv",
            "policy_rules.csv");

    /** A bundle is a few hundred kilobytes; these bounds stop a hostile zip long before memory runs out. */
    static final int MAX_FILE_BYTES = 4 << 20;

    static final int MAX_ZIP_ENTRIES = 64;

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
    private static final Pattern FULL_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private BundleReader() {}

    /** The bundle camaudit ships, from {@code intel/} on the classpath. */
    public static IntelBundle builtIn() {
        Map<String, byte[]> files = new HashMap<>();
        ClassLoader loader = BundleReader.class.getClassLoader();
        for (String name : FILES) {
            try (InputStream in = loader.getResourceAsStream("intel/" + name)) {
                if (in != null) {
                    files.put(name, in.readNBytes(MAX_FILE_BYTES + 1));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("the built-in intel bundle could not be read", e);
            }
        }
        return read(files);
    }

    /** A bundle from a folder holding its files, or from a zip of them. */
    public static IntelBundle fromPath(Path path) {
        try {
            return Files.isDirectory(path) ? read(folder(path)) : read(zip(path));
        } catch (IOException e) {
            throw new IntelBundleException(List.of(path + ": " + e.getMessage()));
        }
    }

    private static Map<String, byte[]> folder(Path folder) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        for (String name : FILES) {
            Path file = folder.resolve(name);
            if (Files.isRegularFile(file)) {
                if (Files.size(file) > MAX_FILE_BYTES) {
                    throw new IOException(name + " is larger than " + (MAX_FILE_BYTES >> 20) + " MB");
                }
                files.put(name, Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static Map<String, byte[]> zip(Path zip) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry entry;
            int entries = 0;
            while ((entry = in.getNextEntry()) != null) {
                if (++entries > MAX_ZIP_ENTRIES) {
                    throw new IOException("the zip has more than " + MAX_ZIP_ENTRIES + " entries");
                }
                String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                if (entry.isDirectory() || !FILES.contains(name)) {
                    continue;
                }
                // Read at most one byte past the bound, whatever the entry claims its size is.
                byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
                if (bytes.length > MAX_FILE_BYTES) {
                    throw new IOException(name + " inflates to more than " + (MAX_FILE_BYTES >> 20) + " MB");
                }
                if (files.put(name, bytes) != null) {
                    throw new IOException("the zip holds " + name + " twice");
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException("not a readable zip (" + e.getMessage() + ")", e);
        }
        return files;
    }

    /** Reads and checks a bundle from its files' bytes. */
    public static IntelBundle read(Map<String, byte[]> files) {
        return new Reading(files).bundle();
    }

    /** One read of a bundle, collecting problems as it goes. */
    private static final class Reading {
        private final Map<String, byte[]> bytes;
        private final List<String> problems = new ArrayList<>();

        Reading(Map<String, byte[]> bytes) {
            this.bytes = bytes;
        }

        IntelBundle bundle() {
            for (String name : FILES) {
                if (!bytes.containsKey(name)) {
                    problems.add(name + ": missing");
                } else if (bytes.get(name).length > MAX_FILE_BYTES) {
                    problems.add(name + ": larger than " + (MAX_FILE_BYTES >> 20) + " MB");
                }
            }
            if (!problems.isEmpty()) {
                throw new IntelBundleException(problems);
            }
            Properties properties = properties();
            BundleVersion version = version(properties);
            Map<String, Source> sources = sources();
            Map<String, Company> companies = companies(sources);
            List<Ownership> ownership = ownership(sources, companies);
            List<Brand> brands = brands(sources, companies);
            List<ProductLine> lines = productLines(sources, companies);
            Map<String, Listing> listings = listings(sources);
            List<ListingEntry> entries = entries(sources, companies, listings);
            List<Finding> findings = findings(sources, companies);
            List<RegistryName> registryNames = registryNames(sources, companies);
            Map<String, Policy> policies = policies(sources, listings);
            if (!problems.isEmpty()) {
                throw new IntelBundleException(problems);
            }
            SortedMap<String, byte[]> kept = new TreeMap<>(bytes);
            return new IntelBundle(
                    version,
                    properties.getProperty("title", "").strip(),
                    properties.getProperty("compiled", "").strip(),
                    kept,
                    sources,
                    companies,
                    ownership,
                    brands,
                    lines,
                    listings,
                    entries,
                    findings,
                    registryNames,
                    policies);
        }

        private String text(String name) {
            try {
                return StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(bytes.get(name)))
                        .toString();
            } catch (CharacterCodingException e) {
                problems.add(name + ": not UTF-8 text");
                return "";
            }
        }

        private Properties properties() {
            Properties properties = new Properties();
            try {
                properties.load(new StringReader(text("bundle.properties")));
            } catch (IOException | IllegalArgumentException e) {
                problems.add("bundle.properties: " + e.getMessage());
            }
            String compiled = properties.getProperty("compiled", "").strip();
            if (!FULL_DATE.matcher(compiled).matches()) {
                problems.add("bundle.properties: compiled must be a date such as 2026-11-22, not \"" + compiled + "\"");
            }
            return properties;
        }

        private BundleVersion version(Properties properties) {
            try {
                return new BundleVersion(properties.getProperty("version", "").strip());
            } catch (IllegalArgumentException e) {
                problems.add("bundle.properties: version: " + e.getMessage());
                return new BundleVersion("0");
            }
        }

        private Table table(String name, String... columns) {
            return Table.parse(name, text(name), List.of(columns), problems);
        }

        private Map<String, Source> sources() {
            Map<String, Source> sources = new LinkedHashMap<>();
            for (Table.Row row : table("sources.csv", "id", "title", "url", "published", "checked", "status")) {
                String id = id(row, "id");
                String url = row.required("url");
                if (!url.isEmpty() && !url.startsWith("https://") && !url.startsWith("http://")) {
                    row.problem("url", "must be an http or https address");
                }
                String status = row.required("status");
                if (!status.isEmpty() && !status.equals("verified") && !status.equals("unverified")) {
                    row.problem("status", "must be verified or unverified, not \"" + status + "\"");
                }
                Source source = new Source(
                        id,
                        row.required("title"),
                        url,
                        date(row, "published", false),
                        checked(row),
                        status.equals("verified"));
                if (sources.put(id, source) != null) {
                    row.problem("id", "\"" + id + "\" is given twice");
                }
            }
            return sources;
        }

        private Map<String, Company> companies(Map<String, Source> sources) {
            Map<String, Company> companies = new LinkedHashMap<>();
            for (Table.Row row : table(
                    "companies.csv", "id", "name", "legal_name", "country", "kind", "notes", "sources", "checked")) {
                String id = id(row, "id");
                String country = row.optional("country");
                if (country != null && !COUNTRY.matcher(country).matches()) {
                    row.problem("country", "must be a two-letter ISO code such as CN, not \"" + country + "\"");
                }
                Company company = new Company(
                        id,
                        row.required("name"),
                        row.required("legal_name"),
                        country,
                        row.required("kind"),
                        row.optional("notes"),
                        sourceIds(row, sources),
                        checked(row));
                if (companies.put(id, company) != null) {
                    row.problem("id", "\"" + id + "\" is given twice");
                }
            }
            return companies;
        }

        private List<Ownership> ownership(Map<String, Source> sources, Map<String, Company> companies) {
            List<Ownership> ownership = new ArrayList<>();
            for (Table.Row row : table(
                    "ownership.csv",
                    "company",
                    "owner",
                    "relation",
                    "state_owned",
                    "share_percent",
                    "from",
                    "to",
                    "notes",
                    "sources",
                    "checked")) {
                String stateOwned = row.optional("state_owned");
                if (stateOwned != null && !stateOwned.equals("yes") && !stateOwned.equals("no")) {
                    row.problem("state_owned", "must be yes, no or empty");
                }
                ownership.add(new Ownership(
                        reference(row, "company", companies),
                        reference(row, "owner", companies),
                        row.required("relation"),
                        stateOwned == null ? null : stateOwned.equals("yes"),
                        number(row, "share_percent", 0, 100),
                        date(row, "from", false),
                        date(row, "to", false),
                        row.optional("notes"),
                        sourceIds(row, sources),
                        checked(row)));
            }
            return ownership;
        }

        private List<Brand> brands(Map<String, Source> sources, Map<String, Company> companies) {
            List<Brand> brands = new ArrayList<>();
            Map<String, String> names = new HashMap<>();
            for (Table.Row row : table(
                    "brands.csv",
                    "brand",
                    "aliases",
                    "relation",
                    "company",
                    "maker",
                    "from",
                    "to",
                    "confidence",
                    "evidence",
                    "sources",
                    "checked")) {
                String name = row.required("brand");
                List<String> aliases = row.list("aliases", "\\|");
                BrandRelation relation = relation(row);
                String maker = row.optional("maker") == null ? null : reference(row, "maker", companies);
                if (maker == null && relation != BrandRelation.LEAD) {
                    row.problem("maker", "only a lead may leave the maker empty");
                }
                for (String alias : prepend(name, aliases)) {
                    String key = Names.squash(alias);
                    if (key.isEmpty()) {
                        row.problem("aliases", "\"" + alias + "\" has no letters or digits");
                    } else {
                        String other = names.putIfAbsent(key, name);
                        if (other != null && !other.equals(name)) {
                            row.problem("aliases", "\"" + alias + "\" already names the brand " + other);
                        }
                    }
                }
                Double confidence = number(row, "confidence", 0, 1);
                brands.add(new Brand(
                        name,
                        aliases,
                        relation,
                        row.optional("company") == null ? null : reference(row, "company", companies),
                        maker,
                        date(row, "from", false),
                        date(row, "to", false),
                        confidence == null ? 0 : confidence,
                        row.required("evidence"),
                        sourceIds(row, sources),
                        checked(row)));
            }
            return brands;
        }

        private static List<String> prepend(String first, List<String> rest) {
            List<String> all = new ArrayList<>(rest.size() + 1);
            all.add(first);
            all.addAll(rest);
            return all;
        }

        private BrandRelation relation(Table.Row row) {
            String relation = row.required("relation");
            try {
                return BrandRelation.valueOf(relation.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                row.problem(
                        "relation",
                        "must be own, subsidiary, relabel, partial-relabel or lead, not \"" + relation + "\"");
                return BrandRelation.LEAD;
            }
        }

        private List<ProductLine> productLines(Map<String, Source> sources, Map<String, Company> companies) {
            List<ProductLine> lines = new ArrayList<>();
            for (Table.Row row : table(
                    "product_lines.csv",
                    "maker",
                    "brand",
                    "pattern",
                    "example",
                    "description",
                    "confidence",
                    "sources",
                    "checked")) {
                String text = row.required("pattern");
                Pattern pattern = Pattern.compile("(?!)");
                if (text.length() > 200) {
                    row.problem("pattern", "is longer than 200 characters");
                } else {
                    try {
                        pattern = Pattern.compile(text, Pattern.CASE_INSENSITIVE);
                    } catch (PatternSyntaxException e) {
                        row.problem("pattern", "is not a regular expression: " + e.getDescription());
                    }
                }
                String example = row.required("example");
                if (!example.isEmpty() && !pattern.matcher(example).lookingAt()) {
                    row.problem("example", "\"" + example + "\" does not match the line's own pattern");
                }
                Double confidence = number(row, "confidence", 0, 1);
                lines.add(new ProductLine(
                        reference(row, "maker", companies),
                        row.required("brand"),
                        pattern,
                        example,
                        row.required("description"),
                        confidence == null ? 0 : confidence,
                        sourceIds(row, sources),
                        checked(row)));
            }
            return lines;
        }

        private Map<String, Listing> listings(Map<String, Source> sources) {
            Map<String, Listing> listings = new LinkedHashMap<>();
            for (Table.Row row : table(
                    "listings.csv",
                    "id",
                    "name",
                    "jurisdiction",
                    "authority",
                    "legal_basis",
                    "description",
                    "sources",
                    "checked")) {
                String id = id(row, "id");
                Listing listing = new Listing(
                        id,
                        row.required("name"),
                        row.required("jurisdiction"),
                        row.required("authority"),
                        row.required("legal_basis"),
                        row.required("description"),
                        sourceIds(row, sources),
                        checked(row));
                if (listings.put(id, listing) != null) {
                    row.problem("id", "\"" + id + "\" is given twice");
                }
            }
            return listings;
        }

        private List<ListingEntry> entries(
                Map<String, Source> sources, Map<String, Company> companies, Map<String, Listing> listings) {
            List<ListingEntry> entries = new ArrayList<>();
            for (Table.Row row : table(
                    "listing_entries.csv",
                    "listing",
                    "company",
                    "country",
                    "listed_on",
                    "scope",
                    "sources",
                    "checked")) {
                String company = row.optional("company") == null ? null : reference(row, "company", companies);
                String country = row.optional("country");
                if ((company == null) == (country == null)) {
                    row.problem("company", "an entry names either a company or a country, not both or neither");
                }
                if (country != null && !COUNTRY.matcher(country).matches()) {
                    row.problem("country", "must be a two-letter ISO code such as CN");
                }
                entries.add(new ListingEntry(
                        reference(row, "listing", listings),
                        company,
                        country,
                        date(row, "listed_on", true),
                        row.required("scope"),
                        sourceIds(row, sources),
                        checked(row)));
            }
            return entries;
        }

        private List<Finding> findings(Map<String, Source> sources, Map<String, Company> companies) {
            List<Finding> findings = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (Table.Row row :
                    table("findings.csv", "id", "date", "title", "companies", "summary", "sources", "checked")) {
                String id = id(row, "id");
                if (!ids.add(id)) {
                    row.problem("id", "\"" + id + "\" is given twice");
                }
                List<String> named = row.list("companies", "\\s+");
                for (String company : named) {
                    if (!companies.containsKey(company)) {
                        row.problem("companies", "no company \"" + company + "\" in companies.csv");
                    }
                }
                findings.add(new Finding(
                        id,
                        date(row, "date", true),
                        row.required("title"),
                        named,
                        row.required("summary"),
                        sourceIds(row, sources),
                        checked(row)));
            }
            return findings;
        }

        private List<RegistryName> registryNames(Map<String, Source> sources, Map<String, Company> companies) {
            List<RegistryName> names = new ArrayList<>();
            for (Table.Row row : table("registry_names.csv", "organisation", "company", "sources", "checked")) {
                String organisation = row.required("organisation");
                if (!organisation.isEmpty() && Names.words(organisation).isEmpty()) {
                    row.problem("organisation", "has no letters or digits");
                }
                names.add(new RegistryName(
                        organisation, reference(row, "company", companies), sourceIds(row, sources), checked(row)));
            }
            return names;
        }

        private Map<String, Policy> policies(Map<String, Source> sources, Map<String, Listing> listings) {
            Map<String, List<PolicyRule>> rules = new HashMap<>();
            for (Table.Row row : table("policy_rules.csv", "policy", "rule", "when", "verdict", "reason", "sources")) {
                Double order = number(row, "rule", 1, 10_000);
                List<Condition> conditions = List.of();
                try {
                    conditions = PolicyRule.parseWhen(row.required("when"));
                } catch (IllegalArgumentException e) {
                    row.problem("when", e.getMessage());
                }
                for (Condition condition : conditions) {
                    if (condition instanceof Condition.Listed listed && !listings.containsKey(listed.listing())) {
                        row.problem("when", "no listing \"" + listed.listing() + "\" in listings.csv");
                    }
                }
                Verdict verdict = Verdict.CONDITIONAL;
                try {
                    verdict = Verdict.valueOf(row.required("verdict"));
                } catch (IllegalArgumentException e) {
                    row.problem("verdict", "must be ELIGIBLE, CONDITIONAL or INELIGIBLE");
                }
                rules.computeIfAbsent(row.required("policy"), p -> new ArrayList<>())
                        .add(new PolicyRule(
                                order == null ? 0 : order.intValue(),
                                conditions,
                                verdict,
                                row.required("reason"),
                                sourceIds(row, sources)));
            }
            Map<String, Policy> policies = new LinkedHashMap<>();
            int defaults = 0;
            for (Table.Row row : table(
                    "policies.csv",
                    "id",
                    "name",
                    "description",
                    "diligence_deadline_days",
                    "default",
                    "sources",
                    "checked")) {
                String id = id(row, "id");
                Double deadline = number(row, "diligence_deadline_days", 1, 3650);
                String isDefault = row.required("default");
                if (!isDefault.equals("yes") && !isDefault.equals("no")) {
                    row.problem("default", "must be yes or no");
                }
                defaults += isDefault.equals("yes") ? 1 : 0;
                List<PolicyRule> own = new ArrayList<>(rules.getOrDefault(id, List.of()));
                own.sort(java.util.Comparator.comparingInt(PolicyRule::order));
                if (own.isEmpty()) {
                    row.problem("id", "policy \"" + id + "\" has no rules in policy_rules.csv");
                }
                Policy policy = new Policy(
                        id,
                        row.required("name"),
                        row.required("description"),
                        deadline == null ? 90 : deadline.intValue(),
                        isDefault.equals("yes"),
                        own,
                        sourceIds(row, sources),
                        checked(row),
                        List.of());
                if (policies.put(id, policy) != null) {
                    row.problem("id", "\"" + id + "\" is given twice");
                }
            }
            for (String policy : rules.keySet()) {
                if (!policies.containsKey(policy)) {
                    problems.add("policy_rules.csv: rules for \"" + policy + "\", which policies.csv does not define");
                }
            }
            if (defaults != 1) {
                problems.add("policies.csv: exactly one policy must be the default, not " + defaults);
            }
            return policies;
        }

        private String id(Table.Row row, String column) {
            String id = row.required(column);
            if (!id.isEmpty() && !ID.matcher(id).matches()) {
                row.problem(column, "\"" + id + "\" is not an id (lower-case letters, digits and hyphens)");
            }
            return id;
        }

        private <T> String reference(Table.Row row, String column, Map<String, T> known) {
            String id = row.required(column);
            if (!id.isEmpty() && !known.containsKey(id)) {
                row.problem(column, "no \"" + id + "\" is defined");
            }
            return id;
        }

        private List<String> sourceIds(Table.Row row, Map<String, Source> sources) {
            List<String> ids = row.list("sources", "\\s+");
            if (ids.isEmpty()) {
                row.problem("sources", "every entry needs at least one source");
            }
            for (String id : ids) {
                if (!sources.containsKey(id)) {
                    row.problem("sources", "no source \"" + id + "\" in sources.csv");
                }
            }
            return ids;
        }

        private String checked(Table.Row row) {
            String checked = row.required("checked");
            if (!checked.isEmpty() && !FULL_DATE.matcher(checked).matches()) {
                row.problem("checked", "must be the date the entry was checked, such as 2026-11-22");
            }
            return checked;
        }

        private String date(Table.Row row, String column, boolean required) {
            String date = required ? row.required(column) : row.optional(column);
            if (date != null && !date.isEmpty() && !DATE.matcher(date).matches()) {
                row.problem(column, "\"" + date + "\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
            }
            return date;
        }

        private Double number(Table.Row row, String column, double min, double max) {
            String text = row.optional(column);
            if (text == null) {
                return null;
            }
            try {
                double value = Double.parseDouble(text);
                if (value < min || value > max) {
                    row.problem(column, text + " is outside " + min + " to " + max);
                }
                return value;
            } catch (NumberFormatException e) {
                row.problem(column, "\"" + text + "\" is not a number");
                return null;
            }
        }
    }
}
