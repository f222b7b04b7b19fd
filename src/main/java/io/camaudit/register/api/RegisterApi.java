package io.camaudit.register.api;

import io.camaudit.register.DeviceDraft;
import io.camaudit.register.DeviceFacts;
import io.camaudit.register.DevicePage;
import io.camaudit.register.DeviceQuery;
import io.camaudit.register.DeviceStatus;
import io.camaudit.register.IpAddress;
import io.camaudit.register.MacAddress;
import io.camaudit.register.OrganisationDraft;
import io.camaudit.register.Procurement;
import io.camaudit.register.Region;
import io.camaudit.register.Register;
import io.camaudit.register.Sector;
import io.camaudit.register.SiteDraft;
import io.camaudit.register.SiteKind;
import io.camaudit.register.SystemDraft;
import io.camaudit.register.api.ApiDtos.DeviceDto;
import io.camaudit.register.api.ApiDtos.DevicePageDto;
import io.camaudit.register.api.ApiDtos.DeviceRequest;
import io.camaudit.register.api.ApiDtos.OrganisationDto;
import io.camaudit.register.api.ApiDtos.OrganisationRequest;
import io.camaudit.register.api.ApiDtos.SiteDto;
import io.camaudit.register.api.ApiDtos.SiteRequest;
import io.camaudit.register.api.ApiDtos.SystemDto;
import io.camaudit.register.api.ApiDtos.SystemRequest;
import io.camaudit.shared.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The register as JSON: organisations, sites, camera systems and devices. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Register", description = "Organisations, sites, camera systems and devices")
class RegisterApi {

    private final Register register;

    RegisterApi(Register register) {
        this.register = register;
    }

    @GetMapping("/organisations")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Organisations the caller may see, optionally filtered")
    List<OrganisationDto> organisations(
            Viewer viewer,
            @RequestParam(required = false) @Nullable Sector sector,
            @RequestParam(required = false) @Nullable Region region,
            @RequestParam(required = false) @Nullable String q) {
        return register.organisations(viewer, sector, region, q).stream()
                .map(OrganisationDto::of)
                .toList();
    }

    @GetMapping("/organisations/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One organisation")
    OrganisationDto organisation(Viewer viewer, @PathVariable long id) {
        return OrganisationDto.of(register.organisation(viewer, id));
    }

    @PostMapping("/organisations")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(summary = "Add an organisation (administrators)")
    OrganisationDto createOrganisation(Viewer viewer, @Valid @RequestBody OrganisationRequest request) {
        return OrganisationDto.of(register.createOrganisation(viewer, draft(request)));
    }

    @PutMapping("/organisations/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Change an organisation")
    OrganisationDto updateOrganisation(
            Viewer viewer, @PathVariable long id, @Valid @RequestBody OrganisationRequest request) {
        return OrganisationDto.of(register.updateOrganisation(viewer, id, draft(request)));
    }

    @GetMapping("/organisations/{id}/sites")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "An organisation's sites")
    List<SiteDto> sites(Viewer viewer, @PathVariable long id) {
        return register.sites(viewer, id).stream().map(SiteDto::of).toList();
    }

    @PostMapping("/organisations/{id}/sites")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Add a site")
    SiteDto createSite(Viewer viewer, @PathVariable long id, @Valid @RequestBody SiteRequest request) {
        return SiteDto.of(register.createSite(viewer, id, draft(request)));
    }

    @GetMapping("/sites/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One site")
    SiteDto site(Viewer viewer, @PathVariable long id) {
        return SiteDto.of(register.site(viewer, id));
    }

    @PutMapping("/sites/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Change a site")
    SiteDto updateSite(Viewer viewer, @PathVariable long id, @Valid @RequestBody SiteRequest request) {
        return SiteDto.of(register.updateSite(viewer, id, draft(request)));
    }

    @GetMapping("/organisations/{id}/systems")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "An organisation's camera systems")
    List<SystemDto> systems(Viewer viewer, @PathVariable long id) {
        return register.systems(viewer, id).stream().map(SystemDto::of).toList();
    }

    @PostMapping("/organisations/{id}/systems")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Add a camera system")
    SystemDto createSystem(Viewer viewer, @PathVariable long id, @Valid @RequestBody SystemRequest request) {
        return SystemDto.of(register.createSystem(viewer, id, draft(request)));
    }

    @GetMapping("/systems/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One camera system")
    SystemDto system(Viewer viewer, @PathVariable long id) {
        return SystemDto.of(register.system(viewer, id));
    }

    @PutMapping("/systems/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Change a camera system")
    SystemDto updateSystem(Viewer viewer, @PathVariable long id, @Valid @RequestBody SystemRequest request) {
        return SystemDto.of(register.updateSystem(viewer, id, draft(request)));
    }

    @GetMapping("/devices")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Search devices, a page at a time (keyset paging: pass 'next' back as 'after')")
    DevicePageDto devices(
            Viewer viewer,
            @RequestParam(required = false) @Nullable Long organisation,
            @RequestParam(required = false) @Nullable Long site,
            @RequestParam(required = false) @Nullable Sector sector,
            @RequestParam(required = false) @Nullable SiteKind siteKind,
            @RequestParam(required = false) @Nullable String manufacturer,
            @RequestParam(required = false) @Nullable DeviceStatus status,
            @RequestParam(required = false) @Nullable Long after,
            @RequestParam(required = false) @Nullable Long before,
            @RequestParam(defaultValue = "100") int size) {
        DevicePage page = register.devices(
                viewer,
                new DeviceQuery(
                        organisation,
                        site,
                        sector,
                        siteKind,
                        manufacturer,
                        status,
                        after,
                        after == null ? before : null,
                        size));
        return new DevicePageDto(
                page.rows().stream().map(row -> DeviceDto.of(row.device())).toList(),
                page.matching(),
                page.moreThanCounted(),
                page.nextAfter(),
                page.previousBefore());
    }

    @GetMapping("/devices/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One device")
    DeviceDto device(Viewer viewer, @PathVariable long id) {
        return DeviceDto.of(register.device(viewer, id));
    }

    @PostMapping("/organisations/{id}/devices")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Add a device")
    DeviceDto createDevice(Viewer viewer, @PathVariable long id, @Valid @RequestBody DeviceRequest request) {
        return DeviceDto.of(register.createDevice(viewer, id, draft(request)));
    }

    @PutMapping("/devices/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Change a device; send the version you read to detect a conflicting change")
    DeviceDto updateDevice(Viewer viewer, @PathVariable long id, @Valid @RequestBody DeviceRequest request) {
        return DeviceDto.of(register.updateDevice(viewer, id, draft(request), request.version()));
    }

    private static OrganisationDraft draft(OrganisationRequest r) {
        return new OrganisationDraft(r.name(), r.sector(), r.region(), r.officialCode(), r.contactEmail());
    }

    private static SiteDraft draft(SiteRequest r) {
        return new SiteDraft(r.name(), r.address(), r.postcode(), r.kind(), Boolean.TRUE.equals(r.sensitive()));
    }

    private static SystemDraft draft(SystemRequest r) {
        var p = r.procurement();
        return new SystemDraft(
                r.name(),
                r.operator(),
                r.purpose(),
                r.installer(),
                r.recorder(),
                p == null
                        ? Procurement.none()
                        : new Procurement(p.supplier(), p.contractReference(), p.contractDate(), p.contractValue()));
    }

    private static DeviceDraft draft(DeviceRequest r) {
        return new DeviceDraft(
                r.siteId(),
                r.systemId(),
                new DeviceFacts(
                        r.manufacturer(),
                        r.brand(),
                        r.model(),
                        r.firmware(),
                        r.serialNumber(),
                        r.macAddress() == null ? null : MacAddress.of(r.macAddress()),
                        r.ipAddress() == null ? null : IpAddress.of(r.ipAddress()),
                        r.assetTag(),
                        r.capabilities() == null ? Set.of() : r.capabilities(),
                        r.status() == null ? DeviceStatus.IN_SERVICE : r.status(),
                        r.installedOn(),
                        r.statusChangedOn()));
    }
}
