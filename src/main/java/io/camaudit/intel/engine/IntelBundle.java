package io.camaudit.intel.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One version of the reference intelligence: sources, companies and their owners, brands and
 * relabels, model-number grammars, listings, findings, MAC-registry names and policies. Read and
 * checked whole by {@link BundleReader}; immutable, so one instance serves every thread.
 */
public final class IntelBundle {

    private final BundleVersion version;
    private final String title;
    private final String compiled;
    private final SortedMap<String, byte[]> files;
    private final Map<String, Source> sources;
    private final Map<String, Company> companies;
    private final List<Ownership> ownership;
    private final List<Brand> brands;
    private final List<ProductLine> productLines;
    private final Map<String, Listing> listings;
    private final List<ListingEntry> entries;
    private final List<Finding> findings;
    private final List<RegistryName> registryNames;
    private final Map<String, Policy> policies;

    @SuppressWarnings("checkstyle:ParameterNumber") // one per file of the bundle
    IntelBundle(
            BundleVersion version,
            String title,
            String compiled,
            SortedMap<String, byte[]> files,
            Map<String, Source> sources,
            Map<String, Company> companies,
            List<Ownership> ownership,
            List<Brand> brands,
            List<ProductLine> productLines,
            Map<String, Listing> listings,
            List<ListingEntry> entries,
            List<Finding> findings,
            List<RegistryName> registryNames,
            Map<String, Policy> policies) {
        this.version = version;
        this.title = title;
        this.compiled = compiled;
        this.files = files;
        this.sources = Map.copyOf(sources);
        this.companies = Map.copyOf(companies);
        this.ownership = List.copyOf(ownership);
        this.brands = List.copyOf(brands);
        this.productLines = List.copyOf(productLines);
        this.listings = Map.copyOf(listings);
        this.entries = List.copyOf(entries);
        this.findings = List.copyOf(findings);
        this.registryNames = List.copyOf(registryNames);
        this.policies = Map.copyOf(policies);
    }

    public BundleVersion version() {
        return version;
    }

    public String title() {
        return title;
    }

    public String compiled() {
        return compiled;
    }

    /** The files the bundle was read from, by name: what is stored, and what a diff compares. */
    public SortedMap<String, byte[]> files() {
        return new TreeMap<>(files);
    }

    public Optional<Source> source(String id) {
        return Optional.ofNullable(sources.get(id));
    }

    public List<Source> sources(List<String> ids) {
        return ids.stream().map(sources::get).filter(java.util.Objects::nonNull).toList();
    }

    public Optional<Company> company(String id) {
        return Optional.ofNullable(companies.get(id));
    }

    public List<Company> companies() {
        return companies.values().stream()
                .sorted(java.util.Comparator.comparing(Company::name))
                .toList();
    }

    public List<Ownership> ownersOf(String companyId) {
        return ownership.stream().filter(o -> o.company().equals(companyId)).toList();
    }

    /**
     * The company and the parents that hold it as a current subsidiary, nearest first: EZVIZ
     * Network, then Hikvision. A listing that covers "any subsidiary or affiliate" covers them all.
     */
    public List<Company> groupOf(Company company) {
        List<Company> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Company current = company;
        while (current != null && seen.add(current.id())) {
            chain.add(current);
            String id = current.id();
            current = ownership.stream()
                    .filter(o -> o.company().equals(id) && o.currentSubsidiary())
                    .map(o -> companies.get(o.owner()))
                    .findFirst()
                    .orElse(null);
        }
        return chain;
    }

    /** The ultimate parent through current subsidiary relations. */
    public Company ultimateParent(Company company) {
        List<Company> chain = groupOf(company);
        return chain.get(chain.size() - 1);
    }

    public List<Brand> brands() {
        return brands;
    }

    public List<ProductLine> productLines() {
        return productLines;
    }

    public Optional<Listing> listing(String id) {
        return Optional.ofNullable(listings.get(id));
    }

    public List<Listing> listings() {
        return listings.values().stream()
                .sorted(java.util.Comparator.comparing(Listing::name))
                .toList();
    }

    /** The entries that cover the company or a parent of its group. */
    public List<ListingEntry> entriesCovering(Company company) {
        List<Company> group = groupOf(company);
        return entries.stream()
                .filter(entry -> group.stream().anyMatch(entry::covers))
                .toList();
    }

    public List<ListingEntry> entries() {
        return entries;
    }

    public List<Finding> findingsAbout(Company company) {
        List<String> group = groupOf(company).stream().map(Company::id).toList();
        return findings.stream()
                .filter(f -> f.companies().stream().anyMatch(group::contains))
                .toList();
    }

    public List<Finding> findings() {
        return findings;
    }

    public List<RegistryName> registryNames() {
        return registryNames;
    }

    public Optional<Policy> policy(String id) {
        return Optional.ofNullable(policies.get(id));
    }

    public List<Policy> policies() {
        return policies.values().stream()
                .sorted(java.util.Comparator.comparing(Policy::name))
                .toList();
    }

    public Policy defaultPolicy() {
        return policies.values().stream()
                .filter(Policy::isDefault)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("a checked bundle has one default policy"));
    }
}
