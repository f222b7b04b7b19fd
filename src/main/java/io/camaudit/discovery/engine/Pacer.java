package io.camaudit.discovery.engine;

/**
 * A token bucket for new connections and datagrams: at most {@code perSecond} on average, with a
 * burst of a tenth of a second's worth, shared by every probe of a survey. Politeness is part of
 * the scanner's contract (README), so every packet a survey starts goes through here.
 */
public final class Pacer {

    private final double perNano;
    private final double burst;
    private double tokens;
    private long last;

    public Pacer(int perSecond) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("The rate must be at least 1 packet a second");
        }
        this.perNano = perSecond / 1e9;
        this.burst = Math.max(1, perSecond / 10.0);
        this.tokens = burst;
        this.last = System.nanoTime();
    }

    /** Waits until one more packet may be sent. */
    public void acquire() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - last) * perNano);
            last = now;
            tokens -= 1;
            wait = tokens >= 0 ? 0 : (long) (-tokens / perNano);
        }
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
