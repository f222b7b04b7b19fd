package io.camaudit.egress.engine;

import org.jspecify.annotations.Nullable;

/**
 * Where an address is, offline: its country and autonomous system, from whatever database the
 * service was given, which names itself, its licence and its age in every report.
 */
public interface Geo {

    /** An autonomous system and its owner ("AS45102 Alibaba (US) Technology Co., Ltd."). */
    record Asn(long number, String owner) {}

    @Nullable
    String country(Ip address);

    @Nullable
    Asn asn(Ip address);

    /** The data's name, licence and date, for every report. */
    String describe();

    /** Whether a look-up is cheap enough to make for every flow, with no cache in front of it. */
    default boolean fast() {
        return false;
    }

    static Geo none() {
        return new Geo() {
            @Override
            public @Nullable String country(Ip address) {
                return null;
            }

            @Override
            public @Nullable Asn asn(Ip address) {
                return null;
            }

            @Override
            public String describe() {
                return "no geolocation data";
            }
        };
    }
}
