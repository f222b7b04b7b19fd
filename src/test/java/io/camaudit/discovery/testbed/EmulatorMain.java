package io.camaudit.discovery.testbed;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs emulated devices in a process of their own, so that a test can start them inside a network
 * namespace ({@code ip netns exec NS java … EmulatorMain ADDRESS=PROFILE …}). Prints "ready" once
 * every device listens, and stops when its standard input closes.
 */
public final class EmulatorMain {

    private static final Map<String, Supplier<Profile>> PROFILES = Map.of(
            "hikvision-camera", Devices::hikvisionCamera,
            "dahua-recorder", Devices::dahuaRecorder,
            "hilook-camera", Devices::hilookCamera,
            "amcrest-camera", Devices::amcrestCamera,
            "axis-camera", Devices::axisCamera,
            "printer", Devices::printer);

    private EmulatorMain() {}

    public static void main(String[] args) throws Exception {
        try (TestBed bed = new TestBed(false)) {
            for (String arg : args) {
                String[] parts = arg.split("=", 2);
                Supplier<Profile> profile = PROFILES.get(parts[1]);
                if (profile == null) {
                    throw new IllegalArgumentException("no profile " + parts[1] + "; known: " + PROFILES.keySet());
                }
                bed.add(parts[0], profile.get());
            }
            System.out.println("ready");
            System.out.flush();
            while (System.in.read() >= 0) {
                // runs until the test closes our standard input
            }
        }
    }
}
