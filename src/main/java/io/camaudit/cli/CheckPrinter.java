package io.camaudit.cli;

import io.camaudit.intel.engine.CheckResult;
import io.camaudit.intel.engine.Evidence;
import io.camaudit.intel.engine.Reason;
import io.camaudit.intel.engine.Resolution;
import io.camaudit.intel.engine.Source;
import java.io.PrintStream;
import java.util.Locale;

/** Prints a procurement check for a person at a terminal. */
final class CheckPrinter {

    private CheckPrinter() {}

    static void print(PrintStream out, CheckResult result) {
        Resolution resolution = result.resolution();
        out.println(result.subject());
        out.println(
                "  Verdict:    " + result.verdict().name() + (result.sensitiveSite() ? " (for a sensitive site)" : ""));
        out.println("  Maker:      " + resolution.path()
                + (resolution.resolved()
                        ? String.format(
                                Locale.ROOT,
                                "; confidence %s (%.2f)",
                                resolution.confidenceLabel().toLowerCase(Locale.ROOT),
                                resolution.confidence())
                        : ""));
        out.println("  Policy:     " + result.policy().name() + " ("
                + result.policy().id() + ")");
        out.println("  Intel:      bundle " + result.bundleVersion());
        out.println("  Reasons:");
        for (Reason reason : result.reasons()) {
            out.println("    - " + reason.verdict().name() + ": " + reason.text());
            for (Source source : reason.sources()) {
                out.println("        [" + source.id() + "] " + source.title() + " <" + source.url() + ">"
                        + (source.verified() ? "" : " (unverified)"));
            }
        }
        out.println("  Evidence for the maker:");
        for (Evidence evidence : resolution.evidence()) {
            out.println("    - " + evidence.kind().name().toLowerCase(Locale.ROOT) + ": " + evidence.text()
                    + (evidence.sources().isEmpty() ? "" : " [" + String.join(", ", evidence.sources()) + "]"));
        }
    }
}
