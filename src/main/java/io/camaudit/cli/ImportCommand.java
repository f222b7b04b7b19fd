package io.camaudit.cli;

import io.camaudit.register.Organisation;
import io.camaudit.register.Register;
import io.camaudit.returns.ImportBatch;
import io.camaudit.returns.ImportStatus;
import io.camaudit.returns.Imports;
import io.camaudit.returns.engine.Issue;
import io.camaudit.returns.engine.ReturnReport;
import io.camaudit.shared.Viewer;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Imports a body's return (CSV or XLSX) into its register. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Check a return (CSV or XLSX) and, if it has no errors, add its devices to an organisation's register.",
            "",
            "All rows are added in one transaction, or none. Importing the same file again changes nothing. Exit code"
                    + " 0 on success, 1 if the file has errors or cannot be read (nothing is written then)."
        })
final class ImportCommand implements Callable<Integer> {

    @Mixin
    DataDirOption data = new DataDirOption();

    @Option(
            names = {"-o", "--organisation"},
            required = true,
            paramLabel = "NAME|ID",
            description = "The organisation, by exact name or id")
    String organisation;

    @Option(names = "--dry-run", description = "Check the file and print the report, but do not import it")
    boolean dryRun;

    @Parameters(paramLabel = "FILE", description = "The return: CSV (UTF-8) or XLSX")
    Path file;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        if (!Files.isRegularFile(file)) {
            System.err.println("No such file: " + file);
            return 1;
        }
        try (ConfigurableApplicationContext context = Contexts.start(false, data.dataDir)) {
            Viewer viewer = CliViewer.get();
            Organisation org = resolve(context.getBean(Register.class), viewer, organisation);
            Imports imports = context.getBean(Imports.class);
            ImportBatch batch;
            try (InputStream in = Files.newInputStream(file)) {
                batch = imports.preview(viewer, org.id(), file.getFileName().toString(), in);
            }
            if (batch.status() == ImportStatus.REJECTED) {
                System.err.println(file + ": " + batch.rejection());
                return 1;
            }
            print(out, batch.report());
            if (!batch.canCommit()) {
                System.err.println(file + ": not imported; correct the errors above and run again");
                return 1;
            }
            if (dryRun) {
                out.println("Dry run: nothing was imported (import " + batch.id() + " is kept as a preview).");
                return 0;
            }
            ImportBatch done = imports.commit(viewer, batch.id());
            out.printf(
                    "Imported into %s (import %d): %d devices added, %d updated, %d unchanged.%n",
                    org.name(), done.id(), done.createdCount(), done.updatedCount(), done.unchangedCount());
            return 0;
        }
    }

    static Organisation resolve(Register register, Viewer viewer, String nameOrId) {
        if (nameOrId.matches("\\d{1,18}")) {
            return register.organisation(viewer, Long.parseLong(nameOrId));
        }
        return register.organisationNamed(viewer, nameOrId);
    }

    private static void print(PrintStream out, ReturnReport report) {
        out.printf(
                "%s file, header on row %d: %d rows, %d devices, %d errors, %d warnings%n",
                report.format(),
                report.headerRow(),
                report.rows(),
                report.devices(),
                report.errors(),
                report.warnings());
        for (Issue issue : report.issues()) {
            out.printf(
                    "  row %d%s: %s: %s%n",
                    issue.row(),
                    issue.column() == null ? "" : ", " + issue.column(),
                    issue.severity().name().toLowerCase(java.util.Locale.ROOT),
                    issue.message());
        }
        if (report.errors() + report.warnings() > report.issues().size()) {
            out.printf(
                    "  … and %d more%n",
                    report.errors() + report.warnings() - report.issues().size());
        }
    }
}
