package io.camaudit.discovery.testbed;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A set of emulated devices on loopback addresses (127.0.0.0/8 is all loopback on Linux, so each
 * device has an address of its own). Binding ports below 1024 needs root or a lowered
 * {@code net.ipv4.ip_unprivileged_port_start}; {@link #canBindLowPorts()} tells tests to skip
 * with a clear message where neither holds.
 */
public final class TestBed implements Closeable {

    private final Contacts contacts = new Contacts();
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "emulated-device");
        t.setDaemon(true);
        return t;
    });
    private final List<EmulatedDevice> devices = new ArrayList<>();

    /** Whether devices may only be placed on loopback: always in the test's own process. */
    private final boolean loopbackOnly;

    public TestBed() {
        this(true);
    }

    /**
     * A test bed that may also bind other addresses: only for {@link EmulatorMain} running inside a
     * network namespace the test created, where those addresses exist on the namespace's own link.
     */
    TestBed(boolean loopbackOnly) {
        this.loopbackOnly = loopbackOnly;
    }

    public EmulatedDevice add(String address, Profile profile) throws IOException {
        InetAddress at = InetAddress.getByName(address);
        if (loopbackOnly && !at.isLoopbackAddress()) {
            throw new IllegalArgumentException("the test bed binds loopback addresses only, not " + address);
        }
        Profile placed = profile.placedAt(address);
        EmulatedDevice device = new EmulatedDevice(at, placed, contacts, workers, !loopbackOnly);
        devices.add(device);
        return device;
    }

    public Contacts contacts() {
        return contacts;
    }

    public List<EmulatedDevice> devices() {
        return List.copyOf(devices);
    }

    /** Why the tests that need emulated devices were skipped, when they were. */
    public static final String WHY_SKIPPED =
            "skipped: emulated devices need ports 80, 443 and 554 on loopback addresses"
                    + " (run as root, as CI does, or lower net.ipv4.ip_unprivileged_port_start), and nothing else listening on"
                    + " those ports of every address";

    public static boolean canBindLowPorts() {
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.bind(new java.net.InetSocketAddress(InetAddress.getByName("127.254.254.254"), 80));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        devices.forEach(EmulatedDevice::close);
        workers.shutdownNow();
    }
}
