package io.camaudit.intel.engine;

import java.util.List;

/** One rule that held, what it means for this supplier, and the sources it cites. */
public record Reason(Verdict verdict, String rule, String text, List<Source> sources) {}
