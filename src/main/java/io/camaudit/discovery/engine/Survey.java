package io.camaudit.discovery.engine;

import java.net.Inet4Address;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A survey of a scope: every address in it, a bounded number at a time, each reported as it is
 * done. It can be cancelled from another thread; hosts under way finish their current exchange
 * and the rest are not started.
 */
public final class Survey {

    /** Told of each host that answered, and of progress; called from the survey's threads. */
    public interface Listener {
        void host(HostReport report);

        default void progress(long done, long total) {}

        /** A host whose survey or report failed unexpectedly; the survey goes on with the others. */
        default void failed(Inet4Address address, RuntimeException error) {}
    }

    /** How a survey ended. */
    public record Outcome(
            long addresses,
            long surveyed,
            long answered,
            long identified,
            long failed,
            long packets,
            Duration took,
            boolean cancelled) {}

    private final ScopedNetwork network;
    private final HostSurvey hosts;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private @org.jspecify.annotations.Nullable Inet4Address multicastFrom;

    public Survey(ScopedNetwork network, Identifier identifier, String userAgent) {
        this.network = network;
        this.hosts = new HostSurvey(network, identifier, userAgent);
    }

    /**
     * Opt-in: before the sweep, send the discovery requests once to their multicast groups from
     * this local address's interface (see {@link ScopedNetwork#multicast}); hosts in the scope that
     * answer are reported even if no camera port is open.
     */
    public Survey withMulticastFrom(Inet4Address local) {
        this.multicastFrom = local;
        return this;
    }

    public void cancel() {
        cancelled.set(true);
    }

    public Outcome run(Listener listener) throws InterruptedException {
        long start = System.nanoTime();
        int parallel = network.settings().concurrentHosts();
        Semaphore slots = new Semaphore(parallel);
        AtomicLong done = new AtomicLong();
        AtomicLong answered = new AtomicLong();
        AtomicLong identified = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long total = network.scope().size();
        java.util.Map<Inet4Address, java.util.List<Observation>> heard = new java.util.HashMap<>();
        if (multicastFrom != null) {
            for (ScopedNetwork.MulticastReply reply :
                    network.multicast(multicastFrom, DiscoveryDatagrams.multicastRequests())) {
                java.util.List<Observation> observations =
                        heard.computeIfAbsent(reply.from(), a -> new java.util.ArrayList<>());
                observations.add(new Observation(
                        "multicast",
                        reply.fromPort(),
                        "multicast.reply",
                        "answered the multicast request on UDP " + reply.fromPort()));
                observations.addAll(
                        DiscoveryDatagrams.parse(new ScopedNetwork.Datagram(reply.fromPort(), reply.data())));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(parallel, runnable -> {
            Thread thread = new Thread(runnable, "survey");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (Inet4Address address : network.scope().addresses()) {
                if (cancelled.get()) {
                    break;
                }
                slots.acquire();
                pool.execute(() -> {
                    try {
                        HostReport report = hosts.survey(address, heard.getOrDefault(address, java.util.List.of()));
                        if (report != null) {
                            answered.incrementAndGet();
                            if (report.identification().identified()) {
                                identified.incrementAndGet();
                            }
                            listener.host(report);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                        listener.failed(address, e);
                    } finally {
                        listener.progress(done.incrementAndGet(), total);
                        slots.release();
                    }
                });
            }
            slots.acquire(parallel); // every started host has finished
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        return new Outcome(
                total,
                done.get(),
                answered.get(),
                identified.get(),
                failures.get(),
                network.packets(),
                Duration.ofNanos(System.nanoTime() - start),
                cancelled.get());
    }
}
