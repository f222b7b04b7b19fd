package io.camaudit.intel;

import io.camaudit.intel.engine.DeviceEvidence;
import io.camaudit.intel.engine.Resolution;
import io.camaudit.intel.engine.Resolver;
import io.camaudit.intel.persistence.ResolutionRows;
import io.camaudit.register.DevicesChanged;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps every device annotated with who made it. After a change to an organisation's devices has
 * committed, or when the intel changes (every organisation), a single background worker resolves
 * the devices whose version or bundle differs from their annotation, a few hundred per
 * transaction, so that neither an import nor a page waits for it.
 */
@Component
public class Annotator {

    private static final Logger LOG = LoggerFactory.getLogger(Annotator.class);

    /** Devices resolved and written per transaction. */
    static final int BATCH = 500;

    private final Intel intel;
    private final ResolutionRows rows;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;
    private final boolean enabled;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Set<Long> dirty = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean everything = new AtomicBoolean();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "device-resolution");
        thread.setDaemon(true);
        return thread;
    });

    Annotator(
            Intel intel,
            ResolutionRows rows,
            PlatformTransactionManager transactionManager,
            JsonMapper json,
            Clock clock,
            @Value("${camaudit.annotate-devices:true}") boolean enabled,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.intel = intel;
        this.rows = rows;
        this.transactions = new TransactionTemplate(transactionManager);
        this.json = json;
        this.clock = clock;
        this.enabled = enabled;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void devicesChanged(DevicesChanged event) {
        dirty.add(event.organisationId());
        schedule();
    }

    @EventListener
    void intelChanged(IntelChanged event) {
        everything.set(true);
        schedule();
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        everything.set(true);
        schedule();
    }

    private void schedule() {
        if (!enabled || !scheduled.compareAndSet(false, true)) {
            return; // off, or a pass is already queued and will see this work
        }
        queued.incrementAndGet();
        worker.execute(() -> {
            scheduled.set(false);
            try {
                drain();
            } catch (RuntimeException e) {
                // Another pass starts with the next change; nothing is lost, only later.
                LOG.warn("Resolving devices failed: {}", e.toString());
            } finally {
                queued.decrementAndGet();
            }
        });
    }

    private void drain() {
        if (everything.getAndSet(false)) {
            dirty.clear();
            rows.organisationIds().forEach(this::resolveOrganisation);
        }
        for (Long organisation : List.copyOf(dirty)) {
            dirty.remove(organisation);
            resolveOrganisation(organisation);
        }
    }

    /** Resolves whatever in one organisation is unresolved or stale, batch by batch. */
    void resolveOrganisation(long organisationId) {
        // Read together, so that the version stored is the one the resolver was built with.
        String version = intel.resolverVersion();
        Resolver resolver = intel.resolver();
        long after = 0;
        while (true) {
            List<ResolutionRows.DeviceInput> batch = rows.devicesAfter(organisationId, after, BATCH);
            if (batch.isEmpty()) {
                // Told whether or not anything was saved: a device's status may have changed all the same.
                events.publishEvent(new ResolutionsChanged(organisationId));
                return;
            }
            after = batch.get(batch.size() - 1).id();
            java.util.Map<Long, String> done = rows.annotatedWith(
                    batch.stream().map(ResolutionRows.DeviceInput::id).toList());
            List<ResolutionRows.Annotation> annotations = new ArrayList<>(batch.size());
            for (ResolutionRows.DeviceInput device : batch) {
                if ((device.version() + "|" + version).equals(done.get(device.id()))) {
                    continue; // resolved with this device version and this resolver already
                }
                Resolution resolution = resolver.resolve(
                        new DeviceEvidence(device.manufacturer(), device.brand(), device.model(), device.mac()));
                annotations.add(new ResolutionRows.Annotation(
                        device.id(),
                        device.version(),
                        resolution.maker(),
                        resolution.soldAs(),
                        resolution.relation() == null
                                ? null
                                : resolution.relation().name(),
                        resolution.confidence(),
                        resolution.needsReview(),
                        json.writeValueAsString(resolution.evidence())));
            }
            if (annotations.isEmpty()) {
                continue;
            }
            Instant at = Instant.now(clock);
            try {
                transactions.executeWithoutResult(status -> rows.save(organisationId, annotations, version, at));
            } catch (org.springframework.dao.DataIntegrityViolationException e) {
                // A device went (an import undone) between the read and the write: read again.
                dirty.add(organisationId);
                return;
            }
        }
    }

    /** Waits until nothing is queued (for tests and benchmarks); false if it timed out. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (queued.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
        return true;
    }

    @jakarta.annotation.PreDestroy
    void stop() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }
}
