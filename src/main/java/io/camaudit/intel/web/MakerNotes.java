package io.camaudit.intel.web;

import io.camaudit.intel.Intel;
import io.camaudit.intel.engine.BrandRelation;
import io.camaudit.intel.engine.CheckContext;
import io.camaudit.intel.engine.CheckResult;
import io.camaudit.intel.engine.Company;
import io.camaudit.intel.engine.Evidence;
import io.camaudit.intel.engine.PolicyEngine;
import io.camaudit.intel.engine.Reason;
import io.camaudit.intel.engine.Resolution;
import io.camaudit.intel.persistence.ResolutionRows;
import io.camaudit.register.Device;
import io.camaudit.register.DeviceNotes;
import io.camaudit.register.Register;
import io.camaudit.register.Site;
import io.camaudit.shared.Viewer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** On a device's page: who made it (as last resolved, with the evidence) and what the organisation's policy says. */
@Component
@org.springframework.core.annotation.Order(10) // first on the page: who made it
class MakerNotes implements DeviceNotes {

    private final Intel intel;
    private final io.camaudit.intel.Policies policies;
    private final Register register;
    private final JsonMapper json;
    private final Clock clock;

    MakerNotes(Intel intel, io.camaudit.intel.Policies policies, Register register, JsonMapper json, Clock clock) {
        this.intel = intel;
        this.policies = policies;
        this.register = register;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public List<Note> notesFor(Viewer viewer, Device device) {
        Optional<ResolutionRows.Stored> stored = intel.resolutionOf(viewer, device.id());
        if (stored.isEmpty() || !stored.get().current()) {
            return List.of(new Note("Made by", "Being worked out", "", List.of("Refresh the page in a moment.")));
        }
        ResolutionRows.Stored r = stored.get();
        String makerName = r.maker() == null
                ? null
                : intel.bundle().company(r.maker()).map(Company::name).orElse(r.maker());
        Evidence[] evidence = json.readValue(r.evidenceJson(), Evidence[].class);
        Resolution resolution = new Resolution(
                r.maker(),
                makerName,
                r.soldAs(),
                r.relation() == null ? null : BrandRelation.valueOf(r.relation()),
                r.confidence(),
                List.of(evidence),
                r.bundleVersion());
        List<String> details = new java.util.ArrayList<>();
        for (Evidence e : evidence) {
            details.add(e.text());
        }
        details.add("Confidence " + resolution.confidenceLabel().toLowerCase(java.util.Locale.ROOT) + "; intel "
                + r.bundleVersion());
        Note maker = new Note("Made by", resolution.path(), "", details);

        Site site = device.siteId() == null ? null : register.site(viewer, device.siteId());
        boolean sensitive = site != null && site.sensitive();
        CheckResult check = new PolicyEngine(intel.bundle(), policies.diligence())
                .check(
                        resolution.path(),
                        resolution,
                        policies.policyOf(viewer, device.organisationId()),
                        new CheckContext(sensitive, LocalDate.now(clock)));
        String tag = switch (check.verdict()) {
            case INELIGIBLE -> "govuk-tag--red";
            case CONDITIONAL -> "govuk-tag--yellow";
            case ELIGIBLE -> "govuk-tag--green";
        };
        List<String> reasons = check.reasons().stream().map(Reason::text).toList();
        List<String> withPolicy = new java.util.ArrayList<>(reasons);
        withPolicy.add("Policy: " + check.policy().name() + (sensitive ? ", at a sensitive site" : ""));
        return List.of(maker, new Note("Policy verdict", check.verdict().label(), tag, withPolicy));
    }
}
