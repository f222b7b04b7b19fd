package io.camaudit.register;

import io.camaudit.register.persistence.DeviceRows;
import io.camaudit.register.persistence.SiteRows;
import io.camaudit.register.persistence.SystemRows;
import io.camaudit.shared.ConflictException;
import io.camaudit.shared.Labelled;
import io.camaudit.shared.Viewer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk upsert of imported devices into one organisation's register, by natural key, and its exact
 * reversal. It runs inside the caller's transaction, so an import commits whole or not at all.
 */
@Component
public class EstateImport {

    private final SiteRows sites;
    private final SystemRows systems;
    private final DeviceRows devices;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    EstateImport(
            SiteRows sites, SystemRows systems, DeviceRows devices, JsonMapper json, ApplicationEventPublisher events) {
        this.sites = sites;
        this.systems = systems;
        this.devices = devices;
        this.json = json;
        this.events = events;
    }

    /** Counts and changes of one import so far. */
    public static final class Session {
        private final long organisationId;
        private final Map<String, Long> siteIds = new HashMap<>();
        private final Map<String, Long> systemIds = new HashMap<>();
        private final List<EstateChange> changes = new ArrayList<>();
        private long created;
        private long updated;
        private long unchanged;
        /** The body had no devices when the import began, so no row of it can match one. */
        private boolean startedEmpty;

        Session(long organisationId) {
            this.organisationId = organisationId;
        }

        public long created() {
            return created;
        }

        public long updated() {
            return updated;
        }

        public long unchanged() {
            return unchanged;
        }

        /** The changes recorded since the last call, handed over for storage. */
        public List<EstateChange> drainChanges() {
            List<EstateChange> drained = List.copyOf(changes);
            changes.clear();
            return drained;
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Session open(Viewer viewer, long organisationId) {
        viewer.requireWrite(organisationId, "Organisation " + organisationId);
        Session session = new Session(organisationId);
        // Delivered once the import's transaction commits (listeners run after commit).
        events.publishEvent(new DevicesChanged(organisationId));
        session.startedEmpty = devices.lockBodyAndCheckEmpty(organisationId);
        for (Site site : sites.ofOrganisation(organisationId)) {
            session.siteIds.put(Labelled.squash(site.name()), site.id());
        }
        for (CameraSystem system : systems.ofOrganisation(organisationId)) {
            session.systemIds.put(Labelled.squash(system.name()), system.id());
        }
        return session;
    }

    /** Upserts one chunk of devices: new keys are inserted, changed ones updated, the rest left alone. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(Session session, List<ImportedDevice> chunk) {
        Map<String, ImportedDevice> byKey = new LinkedHashMap<>();
        for (ImportedDevice device : chunk) {
            byKey.put(device.naturalKey(), device);
        }
        // A body's first return (the usual case) matches nothing, so it skips the look-ups; the
        // body's row is locked for the import, and the preview refused duplicate keys in the file.
        Map<String, Device> existing =
                session.startedEmpty ? Map.of() : devices.findByNaturalKeys(session.organisationId, byKey.keySet());
        List<DeviceRows.Values> inserts = new ArrayList<>();
        Map<Long, DeviceRows.Values> updates = new LinkedHashMap<>();
        for (ImportedDevice imported : byKey.values()) {
            Long siteId = siteFor(session, imported);
            Long systemId = systemFor(session, imported);
            DeviceRows.Values values = new DeviceRows.Values(
                    session.organisationId,
                    siteId,
                    systemId,
                    imported.naturalKey(),
                    imported.facts(),
                    imported.provenance(),
                    FactSources.NONE);
            Device current = existing.get(imported.naturalKey());
            if (current == null) {
                inserts.add(values);
            } else if (!current.facts().equals(imported.facts())
                    || !Objects.equals(current.siteId(), siteId)
                    || !Objects.equals(current.systemId(), systemId)) {
                updates.put(
                        current.id(),
                        values.withSources(FactSources.afterWrite(
                                current.placed(),
                                current.sources(),
                                current.provenance(),
                                new DeviceField.Placed(siteId, systemId, imported.facts()),
                                imported.provenance())));
                session.changes.add(new EstateChange(
                        "device",
                        current.id(),
                        EstateChange.UPDATED,
                        json.writeValueAsString(current),
                        current.version() + 1));
                session.updated++;
            } else {
                session.unchanged++;
            }
        }
        if (!inserts.isEmpty()) {
            // New rows start at version 0; undo checks they are still there and unchanged.
            session.changes.addAll(EstateChange.created("device", devices.insertAllReturningIds(inserts)));
            session.created += inserts.size();
        }
        if (!updates.isEmpty()) {
            devices.updateAll(updates);
        }
    }

    private @Nullable Long siteFor(Session session, ImportedDevice device) {
        if (device.siteName() == null) {
            return null;
        }
        String key = Labelled.squash(device.siteName());
        Long id = session.siteIds.get(key);
        if (id == null) {
            SiteDraft draft = new SiteDraft(
                    device.siteName(),
                    device.address(),
                    device.postcode(),
                    device.siteKind() == null ? SiteKind.OTHER : device.siteKind(),
                    device.sensitive());
            id = sites.insert(
                    session.organisationId,
                    draft.name(),
                    draft.address(),
                    draft.postcode(),
                    draft.kind(),
                    draft.sensitive(),
                    device.provenance());
            session.siteIds.put(key, id);
            session.changes.add(new EstateChange("site", id, EstateChange.CREATED, null, 0));
        }
        return id;
    }

    private @Nullable Long systemFor(Session session, ImportedDevice device) {
        if (device.systemName() == null) {
            return null;
        }
        String key = Labelled.squash(device.systemName());
        Long id = session.systemIds.get(key);
        if (id == null) {
            SystemDraft draft = new SystemDraft(device.systemName(), null, null, null, null, Procurement.none());
            id = systems.insert(
                    session.organisationId,
                    draft.toSystem(0, session.organisationId, device.provenance()),
                    device.provenance());
            session.systemIds.put(key, id);
            session.changes.add(new EstateChange("camera_system", id, EstateChange.CREATED, null, 0));
        }
        return id;
    }

    /**
     * Reverses an import's changes, newest first. Refuses, changing nothing, if any device the
     * import touched has been changed since, because undo would then lose that later change.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void undo(Viewer viewer, long organisationId, List<EstateChange> newestFirst) {
        events.publishEvent(new DevicesChanged(organisationId));
        viewer.requireWrite(organisationId, "Organisation " + organisationId);
        List<Long> deviceIds = newestFirst.stream()
                .filter(c -> c.entityType().equals("device"))
                .flatMapToLong(EstateChange::ids)
                .boxed()
                .toList();
        Map<Long, Device> current = new HashMap<>();
        for (int from = 0; from < deviceIds.size(); from += 1000) {
            for (Device device : devices.findAll(deviceIds.subList(from, Math.min(deviceIds.size(), from + 1000)))) {
                current.put(device.id(), device);
            }
        }
        for (EstateChange change : newestFirst) {
            if (change.entityType().equals("device")) {
                for (long id : change.ids().toArray()) {
                    Device now = current.get(id);
                    if (now == null || !Objects.equals(now.version(), change.afterVersion())) {
                        throw new ConflictException("Device " + id + " has been changed or removed since"
                                + " this import, so the import cannot be undone without losing that change");
                    }
                }
            }
        }
        List<Long> toDelete = new ArrayList<>();
        for (EstateChange change : newestFirst) {
            switch (change.entityType()) {
                case "device" -> {
                    if (change.kind().equals(EstateChange.CREATED)) {
                        change.ids().forEach(toDelete::add);
                    } else {
                        Device before = json.readValue(Objects.requireNonNull(change.beforeState()), Device.class);
                        devices.update(
                                before.id(),
                                new DeviceRows.Values(
                                        before.organisationId(),
                                        before.siteId(),
                                        before.systemId(),
                                        before.naturalKey(),
                                        before.facts(),
                                        before.provenance(),
                                        before.sources()));
                    }
                }
                case "site" -> {
                    flushDeletes(organisationId, toDelete);
                    // A site that later work placed devices at stays: it is no longer only the import's.
                    if (!devices.siteInUse(change.entityId())) {
                        sites.delete(change.entityId());
                    }
                }
                case "camera_system" -> {
                    flushDeletes(organisationId, toDelete);
                    if (!devices.systemInUse(change.entityId())) {
                        systems.delete(change.entityId());
                    }
                }
                default -> throw new IllegalStateException("unknown entity in import change: " + change.entityType());
            }
        }
        flushDeletes(organisationId, toDelete);
    }

    private void flushDeletes(long organisationId, List<Long> ids) {
        if (!ids.isEmpty()) {
            devices.deleteAll(organisationId, ids);
            ids.clear();
        }
    }
}
