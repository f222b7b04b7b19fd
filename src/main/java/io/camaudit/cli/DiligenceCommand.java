package io.camaudit.cli;

import io.camaudit.diligence.Diligence;
import io.camaudit.diligence.DiligenceViews.RequestSummary;
import io.camaudit.mail.Outbox;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Lists due-diligence requests and where each stands; sends the mail that is due. */
@Command(
        name = "diligence",
        mixinStandardHelpOptions = true,
        description = {
            "List the due-diligence requests to suppliers and where each stands (\"asked on 2021-08-01; no reply after"
                    + " 240 days\"), newest first.",
            "--public writes the public list as CSV (the published requests: supplier, asked by, dates, state), for a"
                    + " body or the Commissioner to publish. --send-mail queues the reminders and escalations that are"
                    + " due and sends what is queued through the SMTP server in SPRING_MAIL_HOST (the service does this"
                    + " every minute by itself)."
        })
final class DiligenceCommand implements Callable<Integer> {

    @Mixin
    DataDirOption data = new DataDirOption();

    @Option(names = "--public", description = "Write the public list as CSV instead")
    boolean publicList;

    @Option(
            names = "--send-mail",
            description = "Queue the reminders and escalations due (of campaigns and Code of Practice reviews too),"
                    + " and send all queued mail")
    boolean sendMail;

    @Override
    public Integer call() throws Exception {
        try (ConfigurableApplicationContext context = Contexts.start(false, data.dataDir)) {
            Diligence diligence = context.getBean(Diligence.class);
            if (sendMail) {
                Outbox mail = context.getBean(Outbox.class);
                if (!mail.configured()) {
                    System.err.println("No SMTP server is configured (set SPRING_MAIL_HOST and SPRING_MAIL_PORT):"
                            + " reminders and escalations are queued, nothing is sent.");
                }
                mail.tick();
            }
            if (publicList) {
                System.out.print(diligence.publishedCsv());
                return 0;
            }
            for (RequestSummary r : diligence.requests(CliViewer.get())) {
                System.out.printf(
                        "%d\t%s\t%s\t%s\t%s%s%n",
                        r.id(),
                        r.supplier(),
                        r.requester(),
                        r.state(),
                        r.standing().words(),
                        r.outcome() == null ? "" : "\toutcome " + r.outcome());
            }
            return 0;
        }
    }
}
