package io.camaudit.cli;

import io.camaudit.register.DeviceExport;
import io.camaudit.register.DeviceQuery;
import io.camaudit.register.Register;
import io.camaudit.shared.Viewer;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Exports the device register as CSV. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Write the device register as CSV (UTF-8), one device a row, with site, system and provenance.",
            "Cells that a spreadsheet would run as formulas are prefixed with an apostrophe."
        })
final class ExportCommand implements Callable<Integer> {

    @Mixin
    DataDirOption data = new DataDirOption();

    @Option(
            names = {"-o", "--organisation"},
            paramLabel = "NAME|ID",
            description = "Only this organisation")
    String organisation;

    @Option(names = "--output", paramLabel = "FILE", description = "Write here instead of standard output")
    Path output;

    @Override
    public Integer call() throws Exception {
        try (ConfigurableApplicationContext context = Contexts.start(false, data.dataDir)) {
            Viewer viewer = CliViewer.get();
            DeviceQuery query = DeviceQuery.all(DeviceQuery.MAX_PAGE_SIZE);
            if (organisation != null) {
                query = query.forOrganisation(
                        ImportCommand.resolve(context.getBean(Register.class), viewer, organisation)
                                .id());
            }
            DeviceExport export = context.getBean(DeviceExport.class);
            if (output == null) {
                Writer writer = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
                export.write(viewer, query, writer);
                writer.flush();
            } else {
                try (Writer writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                    long rows = export.write(viewer, query, writer);
                    System.err.println("Wrote " + rows + " devices to " + output);
                }
            }
            return 0;
        }
    }
}
