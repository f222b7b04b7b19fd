package io.camaudit.discovery;

import io.camaudit.discovery.engine.Reconciler;
import io.camaudit.discovery.persistence.SurveyRows;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A survey and, host by host, what it found beside the register: matched devices with the facts
 * that differ, new devices, other hosts (not video devices), and declared devices in the scope
 * that were not seen. Worked out when asked, against the register as it is then.
 */
public record SurveyResults(
        SurveyView survey, List<Host> devices, List<Host> otherHosts, List<Reconciler.Declared> notSeen) {

    /** A host that answered, with its match in the register (if any) and the differences. */
    public record Host(
            SurveyRows.HostRow row,
            @Nullable Long matchedDeviceId,
            Reconciler.@Nullable MatchedBy matchedBy,
            List<Reconciler.Difference> differences) {

        public boolean isNew() {
            return matchedDeviceId == null;
        }

        public boolean pending() {
            return row.decision().equals("PENDING");
        }

        /** Nothing to accept: the register already says what the survey saw. */
        public boolean agrees() {
            return matchedDeviceId != null && differences.isEmpty();
        }
    }
}
