package io.camaudit.intel.engine;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A model-number grammar that names its maker, such as Hikvision's {@code DS-2CD…}. The pattern
 * (case-insensitive) matches the start of a model number: {@code DS-2CD\\d} matches
 * {@code DS-2CD2143G0-I}.
 */
public record ProductLine(
        String maker,
        String brand,
        Pattern pattern,
        String example,
        String description,
        double confidence,
        List<String> sources,
        String checked) {}
