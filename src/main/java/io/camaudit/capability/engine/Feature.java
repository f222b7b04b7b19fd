package io.camaudit.capability.engine;

import org.jspecify.annotations.Nullable;

/**
 * What a device can do or offer that a body must know about: the capabilities it may declare in
 * its return (named as the register names them in {@link #declaredAs()}), the cloud link, and the
 * services that widen its exposure.
 */
public enum Feature {
    FACE_RECOGNITION("Face recognition", Kind.CAPABILITY, "FACE_RECOGNITION"),
    /** Finding and capturing faces in the picture: the first step of recognition, declared as face recognition. */
    FACE_DETECTION("Face detection and capture", Kind.CAPABILITY, "FACE_RECOGNITION"),
    AUDIO("Audio", Kind.CAPABILITY, "AUDIO"),
    ANPR("Number-plate recognition", Kind.CAPABILITY, "ANPR"),
    THERMAL("Thermal imaging", Kind.CAPABILITY, "THERMAL"),
    PTZ("Pan, tilt and zoom", Kind.CAPABILITY, "PTZ"),
    ANALYTICS("Video analytics", Kind.CAPABILITY, "ANALYTICS"),
    CLOUD_LINK("Cloud link (vendor platform or P2P)", Kind.CLOUD, null),
    TELNET("Telnet", Kind.SERVICE, null),
    SSH("SSH", Kind.SERVICE, null),
    UPNP("UPnP", Kind.SERVICE, null),
    VENDOR_SDK("Vendor SDK service", Kind.SERVICE, null);

    /** A capability the body declares; the cloud link; a network service. */
    public enum Kind {
        CAPABILITY,
        CLOUD,
        SERVICE
    }

    private final String label;
    private final Kind kind;
    private final @Nullable String declaredAs;

    Feature(String label, Kind kind, @Nullable String declaredAs) {
        this.label = label;
        this.kind = kind;
        this.declaredAs = declaredAs;
    }

    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    /** The register's name of the declared capability that covers this feature, or null if bodies do not declare it. */
    public @Nullable String declaredAs() {
        return declaredAs;
    }
}
