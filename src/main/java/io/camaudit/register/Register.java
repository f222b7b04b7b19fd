package io.camaudit.register;

import io.camaudit.audit.AuditLog;
import io.camaudit.register.persistence.DeviceRows;
import io.camaudit.register.persistence.OrganisationRows;
import io.camaudit.register.persistence.SiteRows;
import io.camaudit.register.persistence.SystemRows;
import io.camaudit.shared.ConflictException;
import io.camaudit.shared.ForbiddenException;
import io.camaudit.shared.NotFoundException;
import io.camaudit.shared.Viewer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The estate register: organisations, their sites, camera systems and devices. Every method takes
 * the {@link Viewer} and enforces what that viewer may read or change; every change is written to
 * the audit log in the same transaction.
 */
@Service
@Transactional
public class Register {

    private final OrganisationRows organisations;
    private final SiteRows sites;
    private final SystemRows systems;
    private final DeviceRows devices;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Register(
            OrganisationRows organisations,
            SiteRows sites,
            SystemRows systems,
            DeviceRows devices,
            AuditLog audit,
            Clock clock,
            ApplicationEventPublisher events) {
        this.organisations = organisations;
        this.sites = sites;
        this.systems = systems;
        this.devices = devices;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    // Organisations

    @Transactional(readOnly = true)
    public List<Organisation> organisations(Viewer viewer) {
        if (viewer.seesEverything()) {
            return organisations.all();
        }
        return organisations.find(Objects.requireNonNull(viewer.organisationId())).stream()
                .toList();
    }

    @Transactional(readOnly = true)
    public List<Organisation> organisations(
            Viewer viewer, @Nullable Sector sector, @Nullable Region region, @Nullable String nameContains) {
        return organisations.filtered(sector, region, nameContains).stream()
                .filter(o -> viewer.canRead(o.id()))
                .toList();
    }

    @Transactional(readOnly = true)
    public Organisation organisation(Viewer viewer, long id) {
        viewer.requireRead(id, "Organisation " + id);
        return organisations.find(id).orElseThrow(() -> new NotFoundException("Organisation " + id));
    }

    @Transactional(readOnly = true)
    public Organisation organisationNamed(Viewer viewer, String name) {
        Organisation found = organisations
                .findByName(name)
                .orElseThrow(() -> new NotFoundException("Organisation \"" + name + "\""));
        viewer.requireRead(found.id(), "Organisation \"" + name + "\"");
        return found;
    }

    public Organisation createOrganisation(Viewer viewer, OrganisationDraft draft) {
        if (!viewer.isAdministrator()) {
            throw new ForbiddenException(viewer.username() + " may not add organisations");
        }
        if (organisations.nameTaken(draft.name(), null)) {
            throw new ConflictException("An organisation named \"" + draft.name() + "\" is already registered");
        }
        Provenance provenance = Provenance.declared(viewer.username(), now());
        long id = organisations.insert(
                draft.name(), draft.sector(), draft.region(), draft.officialCode(), draft.contactEmail(), provenance);
        Organisation created = organisations.find(id).orElseThrow();
        audit.record(
                viewer.username(),
                "CREATE",
                "organisation",
                id,
                id,
                "Added organisation " + draft.name(),
                null,
                created);
        return created;
    }

    public Organisation updateOrganisation(Viewer viewer, long id, OrganisationDraft draft) {
        Organisation before = organisation(viewer, id);
        viewer.requireWrite(id, "Organisation " + id);
        if (organisations.nameTaken(draft.name(), id)) {
            throw new ConflictException("An organisation named \"" + draft.name() + "\" is already registered");
        }
        organisations.update(
                id,
                draft.name(),
                draft.sector(),
                draft.region(),
                draft.officialCode(),
                draft.contactEmail(),
                Provenance.declared(viewer.username(), now()));
        devices.sectorChanged(id, draft.sector());
        Organisation after = organisations.find(id).orElseThrow();
        audit.record(
                viewer.username(),
                "UPDATE",
                "organisation",
                id,
                id,
                "Changed organisation " + after.name(),
                before,
                after);
        return after;
    }

    // Sites

    @Transactional(readOnly = true)
    public List<Site> sites(Viewer viewer, long organisationId) {
        viewer.requireRead(organisationId, "Organisation " + organisationId);
        return sites.ofOrganisation(organisationId);
    }

    @Transactional(readOnly = true)
    public Site site(Viewer viewer, long id) {
        Site site = sites.find(id).orElseThrow(() -> new NotFoundException("Site " + id));
        viewer.requireRead(site.organisationId(), "Site " + id);
        return site;
    }

    public Site createSite(Viewer viewer, long organisationId, SiteDraft draft) {
        organisation(viewer, organisationId);
        viewer.requireWrite(organisationId, "Organisation " + organisationId);
        if (sites.findByName(organisationId, draft.name()).isPresent()) {
            throw new ConflictException("This organisation already has a site named \"" + draft.name() + "\"");
        }
        long id = sites.insert(
                organisationId,
                draft.name(),
                draft.address(),
                draft.postcode(),
                draft.kind(),
                draft.sensitive(),
                Provenance.declared(viewer.username(), now()));
        Site created = sites.find(id).orElseThrow();
        audit.record(
                viewer.username(), "CREATE", "site", id, organisationId, "Added site " + draft.name(), null, created);
        return created;
    }

    public Site updateSite(Viewer viewer, long id, SiteDraft draft) {
        Site before = site(viewer, id);
        viewer.requireWrite(before.organisationId(), "Site " + id);
        sites.findByName(before.organisationId(), draft.name())
                .filter(other -> other.id() != id)
                .ifPresent(other -> {
                    throw new ConflictException("This organisation already has a site named \"" + draft.name() + "\"");
                });
        sites.update(
                id,
                draft.name(),
                draft.address(),
                draft.postcode(),
                draft.kind(),
                draft.sensitive(),
                Provenance.declared(viewer.username(), now()));
        devices.siteKindChanged(id, draft.kind());
        Site after = sites.find(id).orElseThrow();
        audit.record(
                viewer.username(),
                "UPDATE",
                "site",
                id,
                after.organisationId(),
                "Changed site " + after.name(),
                before,
                after);
        return after;
    }

    // Camera systems

    @Transactional(readOnly = true)
    public List<CameraSystem> systems(Viewer viewer, long organisationId) {
        viewer.requireRead(organisationId, "Organisation " + organisationId);
        return systems.ofOrganisation(organisationId);
    }

    @Transactional(readOnly = true)
    public CameraSystem system(Viewer viewer, long id) {
        CameraSystem system = systems.find(id).orElseThrow(() -> new NotFoundException("Camera system " + id));
        viewer.requireRead(system.organisationId(), "Camera system " + id);
        return system;
    }

    public CameraSystem createSystem(Viewer viewer, long organisationId, SystemDraft draft) {
        organisation(viewer, organisationId);
        viewer.requireWrite(organisationId, "Organisation " + organisationId);
        if (systems.findByName(organisationId, draft.name()).isPresent()) {
            throw new ConflictException("This organisation already has a camera system named \"" + draft.name() + "\"");
        }
        Provenance provenance = Provenance.declared(viewer.username(), now());
        long id = systems.insert(organisationId, draft.toSystem(0, organisationId, provenance), provenance);
        CameraSystem created = systems.find(id).orElseThrow();
        audit.record(
                viewer.username(),
                "CREATE",
                "camera_system",
                id,
                organisationId,
                "Added camera system " + draft.name(),
                null,
                created);
        return created;
    }

    public CameraSystem updateSystem(Viewer viewer, long id, SystemDraft draft) {
        CameraSystem before = system(viewer, id);
        viewer.requireWrite(before.organisationId(), "Camera system " + id);
        systems.findByName(before.organisationId(), draft.name())
                .filter(other -> other.id() != id)
                .ifPresent(other -> {
                    throw new ConflictException(
                            "This organisation already has a camera system named \"" + draft.name() + "\"");
                });
        Provenance provenance = Provenance.declared(viewer.username(), now());
        systems.update(id, draft.toSystem(id, before.organisationId(), provenance), provenance);
        CameraSystem after = systems.find(id).orElseThrow();
        audit.record(
                viewer.username(),
                "UPDATE",
                "camera_system",
                id,
                after.organisationId(),
                "Changed camera system " + after.name(),
                before,
                after);
        return after;
    }

    // Devices

    @Transactional(readOnly = true)
    public DevicePage devices(Viewer viewer, DeviceQuery query) {
        if (query.organisationId() != null) {
            viewer.requireRead(query.organisationId(), "Organisation " + query.organisationId());
        }
        return devices.search(viewer, query);
    }

    @Transactional(readOnly = true)
    public Device device(Viewer viewer, long id) {
        Device device = devices.find(id).orElseThrow(() -> new NotFoundException("Device " + id));
        viewer.requireRead(device.organisationId(), "Device " + id);
        return device;
    }

    @Transactional(readOnly = true)
    public long deviceCount(Viewer viewer) {
        return devices.countFor(viewer);
    }

    @Transactional(readOnly = true)
    public long inServiceCount(Viewer viewer) {
        return devices.inServiceCountFor(viewer);
    }

    @Transactional(readOnly = true)
    public Map<Long, Long> deviceCountsBySite(Viewer viewer, long organisationId) {
        viewer.requireRead(organisationId, "Organisation " + organisationId);
        return devices.countsBySite(organisationId);
    }

    @Transactional(readOnly = true)
    public List<Map.Entry<String, Long>> deviceCountsByManufacturer(Viewer viewer, long organisationId) {
        viewer.requireRead(organisationId, "Organisation " + organisationId);
        return devices.countsByManufacturer(organisationId, 10);
    }

    public Device createDevice(Viewer viewer, long organisationId, DeviceDraft draft) {
        return createDevice(viewer, organisationId, draft, Provenance.declared(viewer.username(), now()));
    }

    /** Adds a device whose facts came from somewhere other than the viewer's word (a survey). */
    public Device createDevice(Viewer viewer, long organisationId, DeviceDraft draft, Provenance provenance) {
        organisation(viewer, organisationId);
        viewer.requireWrite(organisationId, "Organisation " + organisationId);
        checkPlacement(organisationId, draft);
        String key = NaturalKeys.device(
                draft.facts().serialNumber(),
                draft.facts().macAddress(),
                draft.facts().assetTag(),
                null,
                null,
                null,
                0);
        if (key.startsWith("row:")) {
            // Entered by hand with no serial, MAC or asset tag: the device is its own identity.
            key = "manual:" + java.util.UUID.randomUUID();
        } else if (!devices.findByNaturalKeys(organisationId, List.of(key)).isEmpty()) {
            throw new ConflictException("This organisation already has a device with the same "
                    + key.substring(0, key.indexOf(':'))
                            .replace("mac", "MAC address")
                            .replace("asset", "asset tag")
                            .replace("serial", "serial number"));
        }
        long id = devices.insert(new DeviceRows.Values(
                organisationId, draft.siteId(), draft.systemId(), key, draft.facts(), provenance, FactSources.NONE));
        Device created = devices.find(id).orElseThrow();
        events.publishEvent(new DevicesChanged(organisationId));
        audit.record(
                viewer.username(),
                "CREATE",
                "device",
                id,
                organisationId,
                "Added device " + draft.facts().describe(),
                null,
                created);
        return created;
    }

    public Device updateDevice(Viewer viewer, long id, DeviceDraft draft, @Nullable Integer expectedVersion) {
        return updateDevice(viewer, id, draft, expectedVersion, Provenance.declared(viewer.username(), now()));
    }

    /** Changes a device; the facts that change carry this provenance (a survey's, say). */
    public Device updateDevice(
            Viewer viewer, long id, DeviceDraft draft, @Nullable Integer expectedVersion, Provenance provenance) {
        Device before = device(viewer, id);
        viewer.requireWrite(before.organisationId(), "Device " + id);
        if (expectedVersion != null && expectedVersion != before.version()) {
            throw new ConflictException("Device " + id + " was changed by someone else since you opened it");
        }
        checkPlacement(before.organisationId(), draft);
        DeviceField.Placed placed = new DeviceField.Placed(draft.siteId(), draft.systemId(), draft.facts());
        if (placed.equals(before.placed())) {
            // Nothing changed: no new version (which would block undoing the import that made it).
            return before;
        }
        Provenance now = provenance;
        devices.update(
                id,
                new DeviceRows.Values(
                        before.organisationId(),
                        draft.siteId(),
                        draft.systemId(),
                        before.naturalKey(),
                        draft.facts(),
                        now,
                        FactSources.afterWrite(before.placed(), before.sources(), before.provenance(), placed, now)));
        Device after = devices.find(id).orElseThrow();
        events.publishEvent(new DevicesChanged(after.organisationId()));
        audit.record(
                viewer.username(),
                "UPDATE",
                "device",
                id,
                after.organisationId(),
                "Changed device " + after.facts().describe(),
                before,
                after);
        return after;
    }

    private void checkPlacement(long organisationId, DeviceDraft draft) {
        if (draft.siteId() != null) {
            Site site = sites.find(draft.siteId())
                    .orElseThrow(() -> new IllegalArgumentException("site " + draft.siteId() + " does not exist"));
            if (site.organisationId() != organisationId) {
                throw new IllegalArgumentException("site " + draft.siteId() + " belongs to another organisation");
            }
        }
        if (draft.systemId() != null) {
            CameraSystem system = systems.find(draft.systemId())
                    .orElseThrow(() ->
                            new IllegalArgumentException("camera system " + draft.systemId() + " does not exist"));
            if (system.organisationId() != organisationId) {
                throw new IllegalArgumentException(
                        "camera system " + draft.systemId() + " belongs to another organisation");
            }
        }
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
