package io.camaudit.remediation;

import io.camaudit.audit.AuditLog;
import io.camaudit.intel.Flag;
import io.camaudit.intel.Policies;
import io.camaudit.intel.engine.Verdict;
import io.camaudit.register.Device;
import io.camaudit.register.Organisation;
import io.camaudit.register.Register;
import io.camaudit.remediation.engine.ActionKind;
import io.camaudit.remediation.engine.ActionStatus;
import io.camaudit.remediation.engine.Progress;
import io.camaudit.remediation.persistence.RemediationRows;
import io.camaudit.shared.BadInputException;
import io.camaudit.shared.ConflictException;
import io.camaudit.shared.NotFoundException;
import io.camaudit.shared.Viewer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A body's remediation plan: the in-service devices its policy flags (ineligible or conditional
 * where they are), the action for each, and the progress over time. Officers of the body change
 * it; auditors read it. Every change is audit-logged and kept as the action's history.
 */
@Service
public class Remediation {

    private final RemediationRows rows;
    private final Register register;
    private final Policies policies;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Remediation(
            RemediationRows rows,
            Register register,
            Policies policies,
            AuditLog audit,
            TransactionTemplate transactions,
            Clock clock) {
        this.rows = rows;
        this.register = register;
        this.policies = policies;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A device the policy flags, why, and its current action (null where none is planned). */
    public record FlaggedDevice(
            long deviceId,
            String device,
            String site,
            String maker,
            Verdict verdict,
            List<String> reasons,
            @Nullable ActionView action) {}

    public record ActionView(
            long id,
            long deviceId,
            String device,
            ActionKind action,
            @Nullable String capability,
            String owner,
            LocalDate targetDate,
            @Nullable Long costPence,
            ActionStatus status,
            @Nullable String note,
            boolean overdue,
            int version) {

        public String cost() {
            return costPence == null ? "" : String.format(java.util.Locale.UK, "£%,.2f", costPence / 100.0);
        }
    }

    public record Plan(
            Organisation organisation,
            List<FlaggedDevice> flagged,
            List<ActionView> actions,
            List<Progress.Month> progress,
            long open,
            long done,
            long overdue,
            long costPence) {

        public long unplanned() {
            return flagged.stream().filter(f -> f.action() == null).count();
        }
    }

    public Plan plan(Viewer viewer, long organisationId) {
        Organisation organisation = register.organisation(viewer, organisationId);
        LocalDate today = LocalDate.now(clock);
        Map<String, Flag> flags = new HashMap<>();
        for (Flag f : policies.flags(viewer, organisationId).flags()) {
            if (f.verdict() != Verdict.ELIGIBLE && f.maker() != null) {
                flags.put(f.siteId() + "|" + f.maker(), f);
            }
        }
        Map<Long, String> labels = new HashMap<>();
        List<RemediationRows.DeviceRow> devices = rows.devices(organisationId);
        devices.forEach(d -> labels.put(d.id(), label(d)));
        List<ActionView> actions = new ArrayList<>();
        Map<Long, ActionView> current = new HashMap<>();
        for (RemediationRows.ActionRow a : rows.actions(organisationId)) {
            ActionView v = view(a, labels.getOrDefault(a.deviceId(), "Device " + a.deviceId()), today);
            actions.add(v);
            if (v.status() != ActionStatus.CANCELLED) {
                current.merge(a.deviceId(), v, (x, y) -> x.id() > y.id() ? x : y);
            }
        }
        List<FlaggedDevice> flagged = new ArrayList<>();
        for (RemediationRows.DeviceRow d : devices) {
            Flag f = flags.get(d.siteId() + "|" + d.maker());
            if (f != null) {
                flagged.add(new FlaggedDevice(
                        d.id(),
                        labels.get(d.id()),
                        d.site() == null ? "No site" : d.site(),
                        f.makerName() + (f.soldAs() == null ? "" : " (sold as " + f.soldAs() + ")"),
                        f.verdict(),
                        f.reasons().stream().map(r -> r.text()).toList(),
                        current.get(d.id())));
            }
        }
        List<Progress.Change> changes = rows.changes(organisationId).stream()
                .map(c -> new Progress.Change(c.actionId(), c.on(), ActionStatus.valueOf(c.status())))
                .toList();
        long open = actions.stream()
                .filter(a -> a.status() == ActionStatus.PLANNED || a.status() == ActionStatus.IN_PROGRESS)
                .count();
        long done =
                actions.stream().filter(a -> a.status() == ActionStatus.DONE).count();
        long overdue = actions.stream().filter(ActionView::overdue).count();
        long cost = actions.stream()
                .filter(a -> a.status() != ActionStatus.CANCELLED && a.costPence() != null)
                .mapToLong(ActionView::costPence)
                .sum();
        return new Plan(organisation, flagged, actions, Progress.of(changes, today), open, done, overdue, cost);
    }

    /** What is planned for one device, newest first (for its page). */
    public List<ActionView> actionsOf(Viewer viewer, Device device) {
        register.device(viewer, device.id());
        LocalDate today = LocalDate.now(clock);
        return rows.actionsOfDevice(device.id()).stream()
                .map(a -> view(a, "", today))
                .toList();
    }

    /** A new action for a device of the body (any device, flagged or not). */
    public long add(
            Viewer viewer,
            long deviceId,
            ActionKind kind,
            @Nullable String capability,
            String owner,
            @Nullable LocalDate target,
            @Nullable Long costPence,
            @Nullable String note) {
        Device device = register.device(viewer, deviceId);
        viewer.requireWrite(device.organisationId(), "Device " + deviceId);
        String who = text(owner, "Say who owns the action", 200);
        if (target == null) {
            throw new BadInputException("Give the target date");
        }
        if (costPence != null && costPence < 0) {
            throw new BadInputException("A cost estimate cannot be negative");
        }
        if (kind == ActionKind.DISABLE_CAPABILITY && (capability == null || capability.isBlank())) {
            throw new BadInputException("Say which capability is to be disabled");
        }
        String what = capability == null || capability.isBlank() ? null : text(capability, "capability", 100);
        String why = note == null || note.isBlank() ? null : text(note, "note", 2000);
        boolean active = rows.actionsOfDevice(deviceId).stream()
                .anyMatch(a -> a.status().equals("PLANNED") || a.status().equals("IN_PROGRESS"));
        if (active) {
            throw new ConflictException("Device " + deviceId + " already has an action under way: change that one");
        }
        return transactions.execute(status -> {
            Instant now = Instant.now(clock);
            long id = rows.insert(
                    device.organisationId(),
                    deviceId,
                    kind.name(),
                    what,
                    who,
                    target,
                    costPence,
                    why,
                    viewer.username(),
                    now);
            rows.insertChange(id, ActionStatus.PLANNED.name(), LocalDate.now(clock), viewer.username(), why);
            audit.record(
                    viewer.username(),
                    "CREATE",
                    "remediation_action",
                    id,
                    device.organisationId(),
                    "Planned for device " + deviceId + ": " + kind.label() + (what == null ? "" : " (" + what + ")")
                            + ", " + who + ", by " + target,
                    null,
                    Map.of("action", kind.name(), "owner", who, "target", target.toString()));
            return id;
        });
    }

    /** Moves an action on (or back), if it is still as the viewer saw it. */
    public void update(Viewer viewer, long actionId, ActionStatus status, @Nullable String note, int version) {
        RemediationRows.ActionRow a =
                rows.action(actionId).orElseThrow(() -> new NotFoundException("Action " + actionId));
        viewer.requireWrite(a.organisationId(), "Action " + actionId);
        String why = note == null || note.isBlank() ? null : text(note, "note", 2000);
        if (Objects.equals(a.status(), status.name()) && why == null) {
            return;
        }
        transactions.executeWithoutResult(tx -> {
            if (!rows.setStatus(actionId, version, status.name(), why)) {
                throw new ConflictException("Action " + actionId + " was changed by someone else: look again");
            }
            rows.insertChange(actionId, status.name(), LocalDate.now(clock), viewer.username(), why);
            audit.record(
                    viewer.username(),
                    "UPDATE",
                    "remediation_action",
                    actionId,
                    a.organisationId(),
                    "Action " + actionId + " on device " + a.deviceId() + ": " + status.label()
                            + (why == null ? "" : " (" + why + ")"),
                    Map.of("status", a.status()),
                    Map.of("status", status.name()));
        });
    }

    private ActionView view(RemediationRows.ActionRow a, String device, LocalDate today) {
        ActionStatus status = ActionStatus.valueOf(a.status());
        boolean overdue = (status == ActionStatus.PLANNED || status == ActionStatus.IN_PROGRESS)
                && a.targetDate().isBefore(today);
        return new ActionView(
                a.id(),
                a.deviceId(),
                device,
                ActionKind.valueOf(a.action()),
                a.capability(),
                a.owner(),
                a.targetDate(),
                a.costPence(),
                status,
                a.note(),
                overdue,
                a.version());
    }

    private static String label(RemediationRows.DeviceRow d) {
        String what = ((d.manufacturer() == null ? "" : d.manufacturer()) + " " + (d.model() == null ? "" : d.model()))
                .strip();
        return "Device " + d.id() + (what.isEmpty() ? "" : " (" + what + ")");
    }

    private static String text(String value, String what, int max) {
        if (value == null || value.isBlank()) {
            throw new BadInputException(what);
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new BadInputException(what + ": at most " + max + " characters");
        }
        return v;
    }
}
