package io.camaudit.returns.engine;

import io.camaudit.register.DeviceFacts;
import io.camaudit.register.SiteKind;
import org.jspecify.annotations.Nullable;

/**
 * One valid row of a return: where the devices are, what they are, and how many of them. The
 * natural keys of the devices it stands for are worked out by {@link ReturnReader}, which sees the
 * whole file.
 */
public record ReturnRow(
        long rowNumber,
        @Nullable String siteName,
        @Nullable String address,
        @Nullable String postcode,
        @Nullable SiteKind siteKind,
        boolean sensitive,
        @Nullable String systemName,
        DeviceFacts facts,
        int quantity) {}
