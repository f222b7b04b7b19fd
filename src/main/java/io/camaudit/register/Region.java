package io.camaudit.register;

import io.camaudit.shared.Labelled;

/** The English regions and the devolved nations, as used in official UK statistics. */
public enum Region implements Labelled {
    NORTH_EAST("North East"),
    NORTH_WEST("North West"),
    YORKSHIRE_AND_THE_HUMBER("Yorkshire and The Humber"),
    EAST_MIDLANDS("East Midlands"),
    WEST_MIDLANDS("West Midlands"),
    EAST_OF_ENGLAND("East of England"),
    LONDON("London"),
    SOUTH_EAST("South East"),
    SOUTH_WEST("South West"),
    SCOTLAND("Scotland"),
    WALES("Wales"),
    NORTHERN_IRELAND("Northern Ireland"),
    UK_WIDE("UK-wide");

    private final String label;

    Region(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
