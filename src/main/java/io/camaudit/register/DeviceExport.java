package io.camaudit.register;

import io.camaudit.register.persistence.DeviceRows;
import io.camaudit.register.persistence.SiteRows;
import io.camaudit.register.persistence.SystemRows;
import io.camaudit.shared.SpreadsheetCells;
import io.camaudit.shared.Viewer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the devices a viewer may see as CSV, page by page so that memory stays flat. The header
 * names are ones the importer reads, so an export can be edited and imported again.
 */
@Component
public class DeviceExport {

    static final List<String> HEADER = List.of(
            "Organisation",
            "Site",
            "Kind of place",
            "Camera system",
            "Manufacturer",
            "Brand",
            "Model",
            "Firmware",
            "Serial number",
            "MAC address",
            "IP address",
            "Asset tag",
            "Capabilities",
            "Status",
            "Installed",
            "Removed or replaced on",
            "Provenance",
            "Recorded at");

    private final DeviceRows devices;
    private final SiteRows sites;
    private final SystemRows systems;

    DeviceExport(DeviceRows devices, SiteRows sites, SystemRows systems) {
        this.devices = devices;
        this.sites = sites;
        this.systems = systems;
    }

    /** Writes every matching device; returns how many. */
    @Transactional(readOnly = true)
    public long write(Viewer viewer, DeviceQuery query, Writer out) {
        Map<Long, Site> siteCache = new HashMap<>();
        java.util.Set<Long> loadedOrganisations = new java.util.HashSet<>();
        Map<Long, String> systemNames = new HashMap<>();
        long written = 0;
        try {
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180);
            csv.printRecord(HEADER);
            DeviceQuery page = query;
            while (true) {
                DevicePage result = devices.search(viewer, page);
                for (DeviceRow row : result.rows()) {
                    Device device = row.device();
                    if (loadedOrganisations.add(device.organisationId())) {
                        // Load one organisation's sites and systems the first time it appears.
                        sites.ofOrganisation(device.organisationId()).forEach(s -> siteCache.put(s.id(), s));
                        systems.ofOrganisation(device.organisationId()).forEach(s -> systemNames.put(s.id(), s.name()));
                    }
                    Site site = device.siteId() == null ? null : siteCache.get(device.siteId());
                    csv.printRecord(cells(
                            row.organisationName(),
                            device,
                            site,
                            device.systemId() == null ? null : systemNames.get(device.systemId())));
                    written++;
                }
                if (result.nextAfter() == null) {
                    break;
                }
                page = page.after(result.nextAfter());
            }
            csv.flush();
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("the export could not be written", e);
        }
    }

    private static List<String> cells(
            String organisation, Device device, @Nullable Site site, @Nullable String system) {
        DeviceFacts f = device.facts();
        return java.util.stream.Stream.of(
                        organisation,
                        site == null ? "" : site.name(),
                        site == null ? "" : site.kind().label(),
                        system,
                        f.manufacturer(),
                        f.brand(),
                        f.model(),
                        f.firmware(),
                        f.serialNumber(),
                        f.macAddress() == null ? null : f.macAddress().value(),
                        f.ipAddress() == null ? null : f.ipAddress().value(),
                        f.assetTag(),
                        f.capabilities().stream()
                                .sorted()
                                .map(Capability::label)
                                .collect(Collectors.joining("; ")),
                        f.status().label(),
                        f.installedOn() == null ? null : f.installedOn().toString(),
                        f.statusChangedOn() == null ? null : f.statusChangedOn().toString(),
                        device.provenance().describe(),
                        device.provenance().recordedAt().toString())
                .map(cell -> cell == null ? "" : SpreadsheetCells.neutralise(cell))
                .toList();
    }
}
