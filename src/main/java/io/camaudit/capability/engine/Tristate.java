package io.camaudit.capability.engine;

/** Yes, no, or not known: an audit that could not read a document does not say "no". */
public enum Tristate {
    YES,
    NO,
    UNKNOWN
}
