package io.camaudit.intel.web;

import org.jspecify.annotations.Nullable;

/** The form for an organisation's own policy. */
public final class PolicyForm {

    private @Nullable String name;
    private @Nullable String description;
    private @Nullable String rules = """
            listed:fcc-covered-list => INELIGIBLE: The maker is on the FCC Covered List.
            country:CN => CONDITIONAL: The maker is subject to the PRC National Intelligence Law; ask the head of security.
            unresolved => CONDITIONAL: Ask the supplier to name the manufacturer.
            """;
    private @Nullable Integer deadlineDays = 90;
    private @Nullable String sourceTitle;
    private @Nullable String sourceUrl;

    /** Which field a message from the service is about, so the error sits beside it. */
    static String fieldFor(String message) {
        if (message.startsWith("Rule") || message.startsWith("Write at least") || message.contains("rules")) {
            return "rules";
        }
        if (message.contains("name (")) {
            return "name";
        }
        if (message.contains("description")) {
            return "description";
        }
        if (message.contains("address")) {
            return "sourceUrl";
        }
        if (message.contains("document")) {
            return "sourceTitle";
        }
        return message.contains("deadline") ? "deadlineDays" : "rules";
    }

    public @Nullable String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name;
    }

    public @Nullable String getDescription() {
        return description;
    }

    public void setDescription(@Nullable String description) {
        this.description = description;
    }

    public @Nullable String getRules() {
        return rules;
    }

    public void setRules(@Nullable String rules) {
        this.rules = rules;
    }

    public @Nullable Integer getDeadlineDays() {
        return deadlineDays;
    }

    public void setDeadlineDays(@Nullable Integer deadlineDays) {
        this.deadlineDays = deadlineDays;
    }

    public @Nullable String getSourceTitle() {
        return sourceTitle;
    }

    public void setSourceTitle(@Nullable String sourceTitle) {
        this.sourceTitle = sourceTitle;
    }

    public @Nullable String getSourceUrl() {
        return sourceUrl;
    }

    public void setSourceUrl(@Nullable String sourceUrl) {
        this.sourceUrl = sourceUrl;
    }
}
