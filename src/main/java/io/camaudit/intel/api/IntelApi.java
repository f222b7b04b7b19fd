package io.camaudit.intel.api;

import io.camaudit.intel.Intel;
import io.camaudit.intel.engine.CheckResult;
import io.camaudit.intel.engine.DeviceEvidence;
import io.camaudit.intel.engine.Evidence;
import io.camaudit.intel.engine.IntelBundle;
import io.camaudit.intel.engine.ListingEntry;
import io.camaudit.intel.engine.MacRegistry;
import io.camaudit.intel.engine.Policy;
import io.camaudit.intel.engine.Reason;
import io.camaudit.intel.engine.Resolution;
import io.camaudit.intel.engine.Source;
import io.camaudit.register.MacAddress;
import io.camaudit.shared.BadInputException;
import io.camaudit.shared.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Procurement checks, device resolution and policies as JSON. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Intel", description = "Who makes a device, and whether a policy allows buying it")
class IntelApi {

    private final Intel intel;
    private final io.camaudit.intel.Policies policies;
    private final tools.jackson.databind.json.JsonMapper json;

    IntelApi(Intel intel, io.camaudit.intel.Policies policies, tools.jackson.databind.json.JsonMapper json) {
        this.intel = intel;
        this.policies = policies;
        this.json = json;
    }

    record SourceDto(String id, String title, String url, boolean verified) {
        static SourceDto of(Source s) {
            return new SourceDto(s.id(), s.title(), s.url(), s.verified());
        }
    }

    record EvidenceDto(String kind, String text, List<String> sources) {
        static EvidenceDto of(Evidence e) {
            return new EvidenceDto(e.kind().name(), e.text(), e.sources());
        }
    }

    record ResolutionDto(
            @Nullable String maker,
            @Nullable String makerName,
            @Nullable String soldAs,
            @Nullable String relation,
            String path,
            double confidence,
            String confidenceLabel,
            boolean needsReview,
            List<EvidenceDto> evidence,
            String bundleVersion) {
        static ResolutionDto of(Resolution r) {
            return new ResolutionDto(
                    r.maker(),
                    r.makerName(),
                    r.soldAs(),
                    r.relation() == null ? null : r.relation().name(),
                    r.path(),
                    r.confidence(),
                    r.confidenceLabel(),
                    r.needsReview(),
                    r.evidence().stream().map(EvidenceDto::of).toList(),
                    r.bundleVersion());
        }
    }

    record ReasonDto(String verdict, String rule, String text, List<SourceDto> sources) {
        static ReasonDto of(Reason r) {
            return new ReasonDto(
                    r.verdict().name(),
                    r.rule(),
                    r.text(),
                    r.sources().stream().map(SourceDto::of).toList());
        }
    }

    record ListingDto(
            String listing,
            @Nullable String company,
            @Nullable String country,
            String listedOn,
            String scope) {
        static ListingDto of(ListingEntry e) {
            return new ListingDto(e.listing(), e.company(), e.country(), e.listedOn(), e.scope());
        }
    }

    record CheckDto(
            String subject,
            String verdict,
            boolean sensitiveSite,
            String policy,
            ResolutionDto resolution,
            List<ReasonDto> reasons,
            List<ListingDto> listings,
            String bundleVersion) {
        static CheckDto of(CheckResult r) {
            return new CheckDto(
                    r.subject(),
                    r.verdict().name(),
                    r.sensitiveSite(),
                    r.policy().id(),
                    ResolutionDto.of(r.resolution()),
                    r.reasons().stream().map(ReasonDto::of).toList(),
                    r.listings().stream().map(ListingDto::of).toList(),
                    r.bundleVersion());
        }
    }

    record RuleDto(int order, String when, String verdict, String reason, List<String> sources) {}

    record PolicyDto(
            String id,
            String name,
            String description,
            boolean isDefault,
            int diligenceDeadlineDays,
            List<RuleDto> rules) {
        static PolicyDto of(Policy p) {
            return new PolicyDto(
                    p.id(),
                    p.name(),
                    p.description(),
                    p.isDefault(),
                    p.diligenceDeadlineDays(),
                    p.rules().stream()
                            .map(r ->
                                    new RuleDto(r.order(), r.when(), r.verdict().name(), r.reason(), r.sources()))
                            .toList());
        }
    }

    record IntelDto(
            String version,
            String title,
            String compiled,
            int companies,
            int brands,
            int productLines,
            int listings,
            int findings,
            @Nullable String macRegistries,
            int macBlocks) {}

    record ResolveRequest(
            @Nullable String manufacturer,
            @Nullable String brand,
            @Nullable String model,
            @Nullable String mac) {}

    record PolicyChoice(@NotBlank String policy) {}

    @GetMapping("/check")
    @PreAuthorize("isAuthenticated()")
    @Operation(
            summary = "The procurement check: who makes it, and may it be bought under the policy (by default the"
                    + " caller's organisation's)")
    CheckDto check(
            Viewer viewer,
            @RequestParam String q,
            @RequestParam(required = false) @Nullable String policy,
            @RequestParam(defaultValue = "false") boolean sensitiveSite) {
        return CheckDto.of(policies.check(viewer, q, policy, sensitiveSite));
    }

    @PostMapping("/resolve")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Who really made a device, from its manufacturer, brand, model and MAC as known")
    ResolutionDto resolve(@RequestBody ResolveRequest request) {
        String mac = null;
        if (request.mac() != null && !request.mac().isBlank()) {
            try {
                mac = MacAddress.of(request.mac()).value();
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage());
            }
        }
        for (String text : new String[] {request.manufacturer(), request.brand(), request.model()}) {
            if (text != null && text.length() > 300) {
                throw new BadInputException("Each text may be at most 300 characters");
            }
        }
        return ResolutionDto.of(
                intel.resolve(new DeviceEvidence(request.manufacturer(), request.brand(), request.model(), mac)));
    }

    @GetMapping("/policies")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The procurement policies and their rules")
    List<PolicyDto> policies() {
        return intel.bundle().policies().stream().map(PolicyDto::of).toList();
    }

    @GetMapping("/organisations/{id}/policy")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The policy an organisation applies")
    PolicyDto organisationPolicy(Viewer viewer, @PathVariable long id) {
        return PolicyDto.of(policies.policyOf(viewer, id));
    }

    @PutMapping("/organisations/{id}/policy")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    @Operation(summary = "Choose the policy an organisation applies")
    PolicyDto choosePolicy(Viewer viewer, @PathVariable long id, @RequestBody PolicyChoice choice) {
        return PolicyDto.of(policies.choosePolicy(viewer, id, choice.policy()));
    }

    record FlagDto(
            @Nullable Long siteId,
            String siteName,
            boolean sensitiveSite,
            @Nullable String maker,
            String makerName,
            @Nullable String soldAs,
            long devices,
            String verdict,
            List<ReasonDto> reasons) {
        static FlagDto of(io.camaudit.intel.Flag f) {
            return new FlagDto(
                    f.siteId(),
                    f.siteName(),
                    f.sensitiveSite(),
                    f.maker(),
                    f.makerName(),
                    f.soldAs(),
                    f.devices(),
                    f.verdict().name(),
                    f.reasons().stream().map(ReasonDto::of).toList());
        }
    }

    record FlagsDto(long organisationId, String policy, long pending, String bundleVersion, List<FlagDto> flags) {}

    record DeviceMakerDto(
            long deviceId,
            @Nullable String maker,
            @Nullable String soldAs,
            @Nullable String relation,
            double confidence,
            boolean needsReview,
            boolean current,
            String bundleVersion,
            java.time.Instant resolvedAt,
            tools.jackson.databind.JsonNode evidence) {}

    record ReviewDto(
            @Nullable String manufacturer,
            @Nullable String brand,
            @Nullable String model,
            long devices,
            long organisations) {}

    record MappingRequest(
            @NotBlank String text,
            @NotBlank String company,
            @NotBlank String evidence) {}

    @GetMapping("/organisations/{id}/flags")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "An organisation's in-service devices by site and real maker, with what its policy says")
    FlagsDto flags(Viewer viewer, @PathVariable long id) {
        io.camaudit.intel.OrganisationFlags flags = policies.flags(viewer, id);
        return new FlagsDto(
                id,
                flags.policy().id(),
                flags.pending(),
                flags.bundleVersion(),
                flags.flags().stream().map(FlagDto::of).toList());
    }

    @GetMapping("/devices/{id}/maker")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Who made a device, as last resolved, with the evidence (404 until it has been resolved)")
    DeviceMakerDto deviceMaker(Viewer viewer, @PathVariable long id) {
        io.camaudit.intel.persistence.ResolutionRows.Stored stored = intel.resolutionOf(viewer, id)
                .orElseThrow(() -> new io.camaudit.shared.NotFoundException("A resolution of device " + id));
        return new DeviceMakerDto(
                id,
                stored.maker(),
                stored.soldAs(),
                stored.relation(),
                stored.confidence(),
                stored.needsReview(),
                stored.current(),
                stored.bundleVersion(),
                stored.resolvedAt(),
                json.readTree(stored.evidenceJson()));
    }

    @GetMapping("/intel/review")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'AUDITOR')")
    @Operation(summary = "Strings the resolver could not place, or placed with low confidence, most devices first")
    List<ReviewDto> reviewQueue(Viewer viewer, @RequestParam(defaultValue = "100") int limit) {
        return intel.reviewQueue(viewer, Math.max(1, Math.min(limit, 1000))).stream()
                .map(r -> new ReviewDto(r.manufacturer(), r.brand(), r.model(), r.devices(), r.organisations()))
                .toList();
    }

    @PostMapping("/intel/mappings")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @Operation(summary = "Confirm what a string means (local intel, with its author and evidence)")
    ResolutionDto confirmMapping(Viewer viewer, @RequestBody MappingRequest request) {
        intel.confirmMapping(viewer, request.text(), request.company(), request.evidence());
        return ResolutionDto.of(intel.resolve(DeviceEvidence.ofText(request.text())));
    }

    record PolicyRequest(
            @NotBlank String name,
            @Nullable String description,
            @NotBlank String rules,
            @Nullable Integer diligenceDeadlineDays,
            @NotBlank String sourceTitle,
            @Nullable String sourceUrl) {}

    @GetMapping("/organisations/{id}/policies")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The policies an organisation may choose: the bundle's and its own")
    List<PolicyDto> organisationPolicies(Viewer viewer, @PathVariable long id) {
        return policies.policiesFor(viewer, id).stream().map(PolicyDto::of).toList();
    }

    @PostMapping("/organisations/{id}/policies")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER')")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @Operation(
            summary = "Add an organisation's own policy, in the bundle's rule language (one rule a line:"
                    + " conditions => VERDICT: reason)")
    PolicyDto createPolicy(Viewer viewer, @PathVariable long id, @RequestBody PolicyRequest request) {
        return PolicyDto.of(policies.createPolicy(
                viewer,
                id,
                new io.camaudit.intel.Policies.PolicyDraft(
                        request.name(),
                        request.description() == null ? "" : request.description(),
                        request.rules(),
                        request.diligenceDeadlineDays() == null ? 90 : request.diligenceDeadlineDays(),
                        request.sourceTitle(),
                        request.sourceUrl())));
    }

    @GetMapping("/intel")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The intel bundle in use and the MAC registries")
    IntelDto status() {
        IntelBundle bundle = intel.bundle();
        MacRegistry macs = intel.macs();
        return new IntelDto(
                bundle.version().text(),
                bundle.title(),
                bundle.compiled(),
                bundle.companies().size(),
                bundle.brands().size(),
                bundle.productLines().size(),
                bundle.listings().size(),
                bundle.findings().size(),
                intel.macSource()
                        .map(path -> path.equals(Intel.DEBIAN_IEEE_DATA) ? "Debian ieee-data" : "camaudit data folder")
                        .orElse(null),
                macs.count(MacRegistry.Kind.MA_L)
                        + macs.count(MacRegistry.Kind.MA_M)
                        + macs.count(MacRegistry.Kind.MA_S)
                        + macs.count(MacRegistry.Kind.IAB));
    }
}
