package io.camaudit.cli;

import io.camaudit.review.NationalReview;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Writes the national review as a PDF report. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Write a report. 'report national --pdf FILE' writes the national review: the share of bodies running"
                    + " listed makers' devices, overall and by sector, region and maker, and devices by maker and"
                    + " brand, with their charts and tables, as the service's National review page shows them."
        })
final class ReportCommand implements Callable<Integer> {

    @Mixin
    DataDirOption data = new DataDirOption();

    @Parameters(index = "0", paramLabel = "national", description = "The report: national")
    String which;

    @Option(names = "--pdf", required = true, paramLabel = "FILE", description = "Write the PDF here")
    Path pdf;

    @Override
    public Integer call() throws Exception {
        if (!which.equals("national")) {
            System.err.println("There is no report \"" + which + "\": the report is national");
            return 2;
        }
        try (ConfigurableApplicationContext context = Contexts.start(false, data.dataDir)) {
            // A command's context resolves nothing in the background: count every body now, from the register as it is.
            context.getBean(io.camaudit.review.ReviewCounts.class).recountAll();
            byte[] bytes = context.getBean(NationalReview.class).pdf(CliViewer.get(), LocalDate.now());
            Files.write(pdf, bytes);
            System.err.println("Wrote the national review to " + pdf + " (" + bytes.length + " bytes)");
            return 0;
        }
    }
}
