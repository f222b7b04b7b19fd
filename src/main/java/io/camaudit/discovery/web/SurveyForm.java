package io.camaudit.discovery.web;

import org.jspecify.annotations.Nullable;

/** The fields of the "Survey a network" form. The password is never put back into a page. */
public class SurveyForm {

    private @Nullable String scope;
    private @Nullable String exclude;
    private @Nullable Integer rate = 300;
    private @Nullable Integer concurrency = 32;
    private @Nullable String username;
    private @Nullable String password;

    public @Nullable String getScope() {
        return scope;
    }

    public void setScope(@Nullable String scope) {
        this.scope = scope;
    }

    public @Nullable String getExclude() {
        return exclude;
    }

    public void setExclude(@Nullable String exclude) {
        this.exclude = exclude;
    }

    public @Nullable Integer getRate() {
        return rate;
    }

    public void setRate(@Nullable Integer rate) {
        this.rate = rate;
    }

    public @Nullable Integer getConcurrency() {
        return concurrency;
    }

    public void setConcurrency(@Nullable Integer concurrency) {
        this.concurrency = concurrency;
    }

    public @Nullable String getUsername() {
        return username;
    }

    public void setUsername(@Nullable String username) {
        this.username = username;
    }

    public @Nullable String getPassword() {
        return password;
    }

    public void setPassword(@Nullable String password) {
        this.password = password;
    }
}
