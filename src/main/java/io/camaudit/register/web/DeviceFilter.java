package io.camaudit.register.web;

import io.camaudit.register.DeviceQuery;
import io.camaudit.register.DeviceStatus;
import io.camaudit.register.Sector;
import io.camaudit.register.SiteKind;

/** The device search's query-string parameters. */
public class DeviceFilter {

    private Long organisation;
    private Long site;
    private Sector sector;
    private SiteKind siteKind;
    private String manufacturer;
    private DeviceStatus status;
    private Long after;
    private Long before;

    DeviceQuery query(int pageSize) {
        return new DeviceQuery(
                organisation,
                site,
                sector,
                siteKind,
                manufacturer == null || manufacturer.isBlank() ? null : manufacturer.strip(),
                status,
                after,
                after == null ? before : null,
                pageSize);
    }

    /** The filter as a query string without the paging, for next, previous and export links. */
    public String queryString() {
        StringBuilder q = new StringBuilder();
        append(q, "organisation", organisation);
        append(q, "site", site);
        append(q, "sector", sector == null ? null : sector.name());
        append(q, "siteKind", siteKind == null ? null : siteKind.name());
        append(q, "manufacturer", manufacturer == null || manufacturer.isBlank() ? null : manufacturer.strip());
        append(q, "status", status == null ? null : status.name());
        return q.toString();
    }

    private static void append(StringBuilder q, String name, Object value) {
        if (value != null) {
            q.append(q.length() == 0 ? "" : "&")
                    .append(name)
                    .append('=')
                    .append(java.net.URLEncoder.encode(value.toString(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    public Long getOrganisation() {
        return organisation;
    }

    public void setOrganisation(Long organisation) {
        this.organisation = organisation;
    }

    public Long getSite() {
        return site;
    }

    public void setSite(Long site) {
        this.site = site;
    }

    public Sector getSector() {
        return sector;
    }

    public void setSector(Sector sector) {
        this.sector = sector;
    }

    public SiteKind getSiteKind() {
        return siteKind;
    }

    public void setSiteKind(SiteKind siteKind) {
        this.siteKind = siteKind;
    }

    public String getManufacturer() {
        return manufacturer;
    }

    public void setManufacturer(String manufacturer) {
        this.manufacturer = manufacturer;
    }

    public DeviceStatus getStatus() {
        return status;
    }

    public void setStatus(DeviceStatus status) {
        this.status = status;
    }

    public Long getAfter() {
        return after;
    }

    public void setAfter(Long after) {
        this.after = after;
    }

    public Long getBefore() {
        return before;
    }

    public void setBefore(Long before) {
        this.before = before;
    }
}
