package io.camaudit.discovery.engine;

import io.camaudit.intel.engine.Resolution;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Who made a host and what it is, as far as its replies show: the maker and brand the rules
 * found, the model, firmware, serial and MAC it gave, its kind, the resolver's verdict (the
 * ultimate maker: "sold as HiLook, made by Hikvision"), every claim with its evidence, and any
 * claims that disagree. The fingerprint rules' version is kept with it.
 */
public record Identification(
        @Nullable String claimedMaker,
        @Nullable String soldAs,
        @Nullable String model,
        @Nullable String firmware,
        @Nullable String serial,
        @Nullable String mac,
        @Nullable String kind,
        double confidence,
        Resolution resolution,
        List<Claim> claims,
        List<String> conflicts,
        String rulesVersion) {

    /** The maker as the resolver has it (the group parent), else as the rules claimed it, else null. */
    public @Nullable String maker() {
        return resolution.makerName() != null ? resolution.makerName() : claimedMaker;
    }

    /** A camera, recorder or video server, by its kind or by a maker-specific video protocol. */
    public boolean isVideoDevice() {
        return kind != null && (kind.equals("camera") || kind.equals("recorder") || kind.equals("video-server"));
    }

    /**
     * Whether an officer should see it among the cameras, recorders and video servers: it is one,
     * or its maker is known and nothing says it is something else (a DHCP lease from a Hikvision
     * MAC block names no kind, but is most likely a camera or recorder).
     */
    public boolean isCandidateDevice() {
        return isVideoDevice() || (identified() && kind == null);
    }

    public boolean identified() {
        return maker() != null;
    }
}
