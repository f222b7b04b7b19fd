package io.camaudit.intel.engine;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A company (or a person or state body that owns one), as the sources describe it. */
public record Company(
        String id,
        String name,
        String legalName,
        @Nullable String country,
        String kind,
        @Nullable String notes,
        List<String> sources,
        String checked) {}
