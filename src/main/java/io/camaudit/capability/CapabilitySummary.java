package io.camaudit.capability;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A body's present picture from the latest audit of each device ("12 devices with face
 * recognition present, 2 switched on, 1 undeclared; 30 with a cloud link switched on").
 */
public record CapabilitySummary(
        long devices,
        long facePresent,
        long faceOn,
        long faceUndeclared,
        long undeclared,
        long cloudOn,
        long servicesOn,
        long vulnerable,
        long changedForTheWorse,
        @Nullable Instant lastAudit) {

    public String sentence() {
        if (devices == 0) {
            return "No device has been audited yet.";
        }
        return String.format(
                java.util.Locale.ROOT,
                "%d %s audited: %d with face recognition or detection present, %d switched on, %d undeclared;"
                        + " %d with a capability switched on that was not declared; %d with a cloud link switched on;"
                        + " %d with Telnet, SSH or UPnP on; %d matching a known exploited vulnerability.",
                devices,
                devices == 1 ? "device" : "devices",
                facePresent,
                faceOn,
                faceUndeclared,
                undeclared,
                cloudOn,
                servicesOn,
                vulnerable);
    }
}
