package io.camaudit.register;

import io.camaudit.shared.Labelled;

/** The kind of place a site is; schools and custody suites weigh more in later risk scoring. */
public enum SiteKind implements Labelled {
    PUBLIC_STREET("Public street"),
    TOWN_CENTRE("Town centre"),
    SPORTS_GROUND("Sports ground"),
    SCHOOL("School"),
    LEISURE_CENTRE("Leisure centre"),
    HOSPITAL("Hospital"),
    OFFICE("Office"),
    CUSTODY_SUITE("Custody suite"),
    TRANSPORT_HUB("Transport hub"),
    OTHER("Other");

    private final String label;

    SiteKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
