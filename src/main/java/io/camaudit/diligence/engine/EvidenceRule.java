package io.camaudit.diligence.engine;

/** Whether a question wants a file of evidence with its answer. */
public enum EvidenceRule {
    NONE,
    OPTIONAL,
    /** Without a file the answer is incomplete and scores nothing. */
    REQUIRED
}
