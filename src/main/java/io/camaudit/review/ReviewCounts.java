package io.camaudit.review;

import io.camaudit.intel.ResolutionsChanged;
import io.camaudit.review.persistence.ReviewRows;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the national review's counts in step with the register: a body is counted again each time
 * its devices have been resolved again (the intel says so after every pass), and every body once
 * at start-up, in the background, to mend whatever a crash left. Counting is serialised, so a
 * body's count and the full one never interleave.
 */
@Component
public class ReviewCounts {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewCounts.class);

    private final ReviewRows rows;
    private final TransactionTemplate transactions;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "review-counts");
        t.setDaemon(true);
        return t;
    });

    ReviewCounts(ReviewRows rows, TransactionTemplate transactions) {
        this.rows = rows;
        this.transactions = transactions;
    }

    @EventListener
    void resolved(ResolutionsChanged event) {
        recount(event.organisationId());
    }

    public synchronized void recount(long organisationId) {
        transactions.executeWithoutResult(status -> rows.recount(organisationId));
    }

    /** Counts every body again (a command that read the register without the service calls this first). */
    public synchronized void recountAll() {
        transactions.executeWithoutResult(status -> rows.recountAll());
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        background.execute(() -> {
            try {
                recountAll();
            } catch (RuntimeException e) {
                LOG.warn("the national review's counts could not be made at start-up: {}", e.toString());
            }
        });
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        background.shutdownNow();
    }
}
