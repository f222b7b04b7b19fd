package io.camaudit.account;

/** A secret made for a person (a password or a token), to be shown to them once. */
public record NewSecret(long id, String secret) {

    @Override
    public String toString() {
        // Never let a secret reach a log line through toString.
        return "NewSecret[id=" + id + ", secret=<hidden>]";
    }
}
