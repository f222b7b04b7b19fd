package io.camaudit.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;

/**
 * Tracks the peak of the heap that survives garbage collection (each pool's usage after its last
 * collection), which is the memory an import really holds; garbage awaiting collection is not
 * counted, so the figure is stable whatever the collector's timing.
 */
final class HeapSampler implements AutoCloseable {

    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported())
            .toList();
    private final Thread thread;
    private final long baseline;
    private volatile long peak;
    private volatile boolean running = true;

    HeapSampler() {
        System.gc();
        baseline = live();
        peak = baseline;
        thread = new Thread(() -> {
            while (running) {
                peak = Math.max(peak, live());
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        thread.setDaemon(true);
        thread.start();
    }

    private long live() {
        long used = 0;
        for (MemoryPoolMXBean pool : pools) {
            MemoryUsage usage = pool.getCollectionUsage();
            if (usage != null) {
                used += usage.getUsed();
            }
        }
        return used;
    }

    /** Peak live heap above the level at the start, in MB. */
    long peakAboveBaselineMb() {
        return Math.max(0, peak - baseline) >> 20;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }

    /**
     * Collects once more and samples, for work that allocates so little that no collection ran
     * while it did (and so left no figure): call it after the timing, while what the work holds
     * (its alerts, say) is still reachable.
     */
    void sampleAfterCollection() {
        System.gc();
        peak = Math.max(peak, live());
    }
}
