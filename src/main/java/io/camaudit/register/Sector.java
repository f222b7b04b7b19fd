package io.camaudit.register;

import io.camaudit.shared.Labelled;

/** The kinds of public body whose estates camaudit registers. */
public enum Sector implements Labelled {
    CENTRAL_GOVERNMENT("Central government department"),
    EXECUTIVE_AGENCY("Executive agency"),
    LOCAL_AUTHORITY("Local authority"),
    NHS_TRUST("NHS trust"),
    POLICE_FORCE("Police force"),
    FIRE_AND_RESCUE("Fire and rescue"),
    SCHOOL_OR_ACADEMY_TRUST("School or academy trust"),
    UNIVERSITY("University"),
    DEVOLVED_ADMINISTRATION("Devolved administration"),
    OTHER("Other");

    private final String label;

    Sector(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
