package io.camaudit.account;

/** An account with its password hash, for sign-in only. */
public record Credentials(Account account, String passwordHash) {

    @Override
    public String toString() {
        return "Credentials[" + account.username() + "]";
    }
}
