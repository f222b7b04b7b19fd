package io.camaudit.intel.engine;

import java.util.List;

/** A published finding about companies, such as a parliamentary report or an incident. */
public record Finding(
        String id,
        String date,
        String title,
        List<String> companies,
        String summary,
        List<String> sources,
        String checked) {}
