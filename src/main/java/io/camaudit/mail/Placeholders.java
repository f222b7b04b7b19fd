package io.camaudit.mail;

/**
 * Fills a topic's placeholders as its message goes out, for what must not wait in the outbox
 * (a one-time link is made only when it is sent, and only what is kept is stored).
 */
public interface Placeholders {

    String topic();

    Filled fill(long subjectId, String body);

    /** The text sent and the text kept in the outbox afterwards. */
    record Filled(String sent, String kept) {}
}
