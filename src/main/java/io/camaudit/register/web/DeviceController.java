package io.camaudit.register.web;

import io.camaudit.register.Capability;
import io.camaudit.register.Device;
import io.camaudit.register.DeviceDraft;
import io.camaudit.register.DeviceExport;
import io.camaudit.register.DeviceFacts;
import io.camaudit.register.DeviceNotes;
import io.camaudit.register.DeviceQuery;
import io.camaudit.register.DeviceStatus;
import io.camaudit.register.IpAddress;
import io.camaudit.register.MacAddress;
import io.camaudit.register.Organisation;
import io.camaudit.register.Provenance;
import io.camaudit.register.Register;
import io.camaudit.register.Sector;
import io.camaudit.register.SiteKind;
import io.camaudit.shared.ConflictException;
import io.camaudit.shared.Viewer;
import io.camaudit.shared.web.Forms;
import io.camaudit.shared.web.SelectOption;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Devices: the searchable register, one device's page, the forms, and the CSV export. */
@Controller
class DeviceController {

    private static final int PAGE_SIZE = 50;

    private final Register register;
    private final DeviceExport export;
    private final List<DeviceNotes> notes;

    DeviceController(Register register, DeviceExport export, List<DeviceNotes> notes) {
        this.register = register;
        this.export = export;
        this.notes = notes;
    }

    @GetMapping("/devices")
    @PreAuthorize("isAuthenticated()")
    String search(Viewer viewer, @ModelAttribute("filter") DeviceFilter filter, Model model) {
        model.addAttribute("page", register.devices(viewer, filter.query(PAGE_SIZE)));
        model.addAttribute("organisations", viewer.seesEverything() ? register.organisations(viewer) : List.of());
        model.addAttribute("sectors", SelectOption.of(Sector.class));
        model.addAttribute("siteKinds", SelectOption.of(SiteKind.class));
        model.addAttribute("statuses", SelectOption.of(DeviceStatus.class));
        return "devices/list";
    }

    @GetMapping("/devices/export.csv")
    @PreAuthorize("isAuthenticated()")
    void exportCsv(Viewer viewer, @ModelAttribute("filter") DeviceFilter filter, HttpServletResponse response)
            throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"camaudit-devices.csv\"");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        DeviceQuery query = filter.query(DeviceQuery.MAX_PAGE_SIZE);
        export.write(
                viewer,
                new DeviceQuery(
                        query.organisationId(),
                        query.siteId(),
                        query.sector(),
                        query.siteKind(),
                        query.manufacturer(),
                        query.status(),
                        null,
                        null,
                        DeviceQuery.MAX_PAGE_SIZE),
                writer);
        writer.flush();
    }

    @GetMapping("/devices/{id}")
    @PreAuthorize("isAuthenticated()")
    String show(Viewer viewer, @PathVariable long id, Model model) {
        Device device = register.device(viewer, id);
        model.addAttribute("device", device);
        Map<String, Provenance> sources = new HashMap<>();
        device.sources().all(device.provenance()).forEach((field, source) -> sources.put(field.name(), source));
        model.addAttribute("sources", sources);
        model.addAttribute("organisation", register.organisation(viewer, device.organisationId()));
        model.addAttribute("site", device.siteId() == null ? null : register.site(viewer, device.siteId()));
        model.addAttribute("system", device.systemId() == null ? null : register.system(viewer, device.systemId()));
        model.addAttribute("canWrite", viewer.canWrite(device.organisationId()));
        model.addAttribute(
                "notes",
                notes.stream().flatMap(n -> n.notesFor(viewer, device).stream()).toList());
        return "devices/show";
    }

    @GetMapping("/organisations/{organisationId}/devices/new")
    @PreAuthorize("isAuthenticated()")
    String newForm(
            Viewer viewer,
            @PathVariable long organisationId,
            @RequestParam(required = false) @Nullable Long siteId,
            Model model) {
        Organisation organisation = writable(viewer, organisationId);
        DeviceForm form = new DeviceForm();
        form.setSiteId(siteId);
        model.addAttribute("form", form);
        return form(viewer, model, organisation, null);
    }

    @PostMapping("/organisations/{organisationId}/devices/new")
    @PreAuthorize("isAuthenticated()")
    String create(
            Viewer viewer,
            @PathVariable long organisationId,
            @Valid @ModelAttribute("form") DeviceForm form,
            BindingResult errors,
            Model model) {
        Organisation organisation = writable(viewer, organisationId);
        DeviceDraft draft = draft(form, errors);
        if (draft == null) {
            return form(viewer, model, organisation, null);
        }
        try {
            return "redirect:/devices/"
                    + register.createDevice(viewer, organisationId, draft).id();
        } catch (ConflictException | IllegalArgumentException e) {
            errors.reject("invalid", e.getMessage());
            return form(viewer, model, organisation, null);
        }
    }

    @GetMapping("/devices/{id}/edit")
    @PreAuthorize("isAuthenticated()")
    String editForm(Viewer viewer, @PathVariable long id, Model model) {
        Device device = register.device(viewer, id);
        Organisation organisation = writable(viewer, device.organisationId());
        model.addAttribute("form", DeviceForm.of(device));
        return form(viewer, model, organisation, device);
    }

    @PostMapping("/devices/{id}/edit")
    @PreAuthorize("isAuthenticated()")
    String update(
            Viewer viewer,
            @PathVariable long id,
            @Valid @ModelAttribute("form") DeviceForm form,
            BindingResult errors,
            Model model) {
        Device device = register.device(viewer, id);
        Organisation organisation = writable(viewer, device.organisationId());
        DeviceDraft draft = draft(form, errors);
        if (draft == null) {
            return form(viewer, model, organisation, device);
        }
        try {
            register.updateDevice(viewer, id, draft, form.getVersion());
            return "redirect:/devices/" + id;
        } catch (ConflictException | IllegalArgumentException e) {
            errors.reject("invalid", e.getMessage());
            return form(viewer, model, organisation, device);
        }
    }

    private Organisation writable(Viewer viewer, long organisationId) {
        Organisation organisation = register.organisation(viewer, organisationId);
        viewer.requireWrite(organisationId, "Organisation " + organisationId);
        return organisation;
    }

    private static @Nullable DeviceDraft draft(DeviceForm form, BindingResult errors) {
        MacAddress mac = null;
        if (form.getMacAddress() != null && !form.getMacAddress().isBlank()) {
            try {
                mac = MacAddress.of(form.getMacAddress());
            } catch (IllegalArgumentException e) {
                errors.rejectValue("macAddress", "mac", "Enter a MAC address like 44:19:B6:01:02:03");
            }
        }
        IpAddress ip = null;
        if (form.getIpAddress() != null && !form.getIpAddress().isBlank()) {
            try {
                ip = IpAddress.of(form.getIpAddress());
            } catch (IllegalArgumentException e) {
                errors.rejectValue("ipAddress", "ip", "Enter an IP address like 192.0.2.10");
            }
        }
        LocalDate installed = Forms.date(form.getInstalledOn(), "installedOn", errors, "Installation date");
        LocalDate changed =
                Forms.date(form.getStatusChangedOn(), "statusChangedOn", errors, "Removal or replacement date");
        if (errors.hasErrors()) {
            return null;
        }
        MacAddress finalMac = mac;
        IpAddress finalIp = ip;
        return Forms.build(
                () -> new DeviceDraft(
                        form.getSiteId(),
                        form.getSystemId(),
                        new DeviceFacts(
                                form.getManufacturer(),
                                form.getBrand(),
                                form.getModel(),
                                form.getFirmware(),
                                form.getSerialNumber(),
                                finalMac,
                                finalIp,
                                form.getAssetTag(),
                                form.getCapabilities() == null ? java.util.Set.of() : form.getCapabilities(),
                                form.getStatus(),
                                installed,
                                changed)),
                errors);
    }

    private String form(Viewer viewer, Model model, Organisation organisation, @Nullable Device device) {
        model.addAttribute("organisation", organisation);
        model.addAttribute("device", device);
        model.addAttribute(
                "siteOptions",
                register.sites(viewer, organisation.id()).stream()
                        .map(s -> new SelectOption(String.valueOf(s.id()), s.name()))
                        .toList());
        model.addAttribute(
                "systemOptions",
                register.systems(viewer, organisation.id()).stream()
                        .map(s -> new SelectOption(String.valueOf(s.id()), s.name()))
                        .toList());
        model.addAttribute("capabilityOptions", SelectOption.of(Capability.class));
        model.addAttribute("statusOptions", SelectOption.of(DeviceStatus.class));
        return "devices/form";
    }
}
