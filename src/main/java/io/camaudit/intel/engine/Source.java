package io.camaudit.intel.engine;

import org.jspecify.annotations.Nullable;

/**
 * A public source an intel entry rests on, with when it was published and when it was last
 * checked. An unverified source is a lead: it is shown, never relied on alone.
 */
public record Source(
        String id, String title, String url, @Nullable String published, String checked, boolean verified) {}
