package io.camaudit.register;

import org.jspecify.annotations.Nullable;

/**
 * A filtered page of the device register. Paging is by key (the id after or before which the page
 * starts) rather than by offset, so the thousandth page costs what the first does.
 */
public record DeviceQuery(
        @Nullable Long organisationId,
        @Nullable Long siteId,
        @Nullable Sector sector,
        @Nullable SiteKind siteKind,
        @Nullable String manufacturer,
        @Nullable DeviceStatus status,
        @Nullable Long afterId,
        @Nullable Long beforeId,
        int pageSize) {

    public static final int MAX_PAGE_SIZE = 500;

    public DeviceQuery {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException(
                    "page size must be between 1 and " + MAX_PAGE_SIZE + ", was " + pageSize);
        }
        if (afterId != null && beforeId != null) {
            throw new IllegalArgumentException("a page starts after one id or ends before one, not both");
        }
    }

    public static DeviceQuery all(int pageSize) {
        return new DeviceQuery(null, null, null, null, null, null, null, null, pageSize);
    }

    public DeviceQuery forOrganisation(long id) {
        return new DeviceQuery(id, siteId, sector, siteKind, manufacturer, status, afterId, beforeId, pageSize);
    }

    public DeviceQuery after(long id) {
        return new DeviceQuery(organisationId, siteId, sector, siteKind, manufacturer, status, id, null, pageSize);
    }
}
