package io.camaudit.intel.engine;

import java.util.List;

/** A government list or instruction that names companies (or, for the UK's, a kind of company). */
public record Listing(
        String id,
        String name,
        String jurisdiction,
        String authority,
        String legalBasis,
        String description,
        List<String> sources,
        String checked) {}
