package io.camaudit.intel.engine;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A brand name as it appears on devices and in returns, and who really makes its products. */
public record Brand(
        String name,
        List<String> aliases,
        BrandRelation relation,
        @Nullable String company,
        @Nullable String maker,
        @Nullable String from,
        @Nullable String to,
        double confidence,
        String evidence,
        List<String> sources,
        String checked) {}
