package io.camaudit.diligence.engine;

/** How a question is answered. */
public enum AnswerType {
    /** Yes or no. */
    YES_NO,
    /** One of the question's choices (or several, where it allows). */
    CHOICE,
    /** Free text. */
    TEXT,
    /** A file of evidence, and no other answer. */
    FILE
}
