package io.camaudit.register.api;

import io.camaudit.register.CameraSystem;
import io.camaudit.register.Capability;
import io.camaudit.register.Device;
import io.camaudit.register.DeviceFacts;
import io.camaudit.register.DeviceField;
import io.camaudit.register.DeviceStatus;
import io.camaudit.register.Organisation;
import io.camaudit.register.Provenance;
import io.camaudit.register.Region;
import io.camaudit.register.Sector;
import io.camaudit.register.Site;
import io.camaudit.register.SiteKind;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** The JSON shapes of the register API. They are not the domain types, so either can change alone. */
final class ApiDtos {

    private ApiDtos() {}

    record ProvenanceDto(String kind, String source, Instant recordedAt, String recordedBy) {
        static ProvenanceDto of(Provenance p) {
            return new ProvenanceDto(p.kind().name(), p.source(), p.recordedAt(), p.recordedBy());
        }
    }

    record OrganisationDto(
            long id,
            String name,
            Sector sector,
            Region region,
            @Nullable String officialCode,
            @Nullable String contactEmail,
            ProvenanceDto provenance) {
        static OrganisationDto of(Organisation o) {
            return new OrganisationDto(
                    o.id(),
                    o.name(),
                    o.sector(),
                    o.region(),
                    o.officialCode(),
                    o.contactEmail(),
                    ProvenanceDto.of(o.provenance()));
        }
    }

    record OrganisationRequest(
            @NotBlank String name,
            @NotNull Sector sector,
            @NotNull Region region,
            @Nullable String officialCode,
            @Nullable String contactEmail) {}

    record SiteDto(
            long id,
            long organisationId,
            String name,
            @Nullable String address,
            @Nullable String postcode,
            SiteKind kind,
            boolean sensitive,
            ProvenanceDto provenance) {
        static SiteDto of(Site s) {
            return new SiteDto(
                    s.id(),
                    s.organisationId(),
                    s.name(),
                    s.address(),
                    s.postcode(),
                    s.kind(),
                    s.sensitive(),
                    ProvenanceDto.of(s.provenance()));
        }
    }

    record SiteRequest(
            @NotBlank String name,
            @Nullable String address,
            @Nullable String postcode,
            @NotNull SiteKind kind,
            @Nullable Boolean sensitive) {}

    record ProcurementDto(
            @Nullable String supplier,
            @Nullable String contractReference,
            @Nullable LocalDate contractDate,
            @Nullable BigDecimal contractValue) {}

    record SystemDto(
            long id,
            long organisationId,
            String name,
            @Nullable String operator,
            @Nullable String purpose,
            @Nullable String installer,
            @Nullable String recorder,
            ProcurementDto procurement,
            ProvenanceDto provenance) {
        static SystemDto of(CameraSystem s) {
            var p = s.procurement();
            return new SystemDto(
                    s.id(),
                    s.organisationId(),
                    s.name(),
                    s.operator(),
                    s.purpose(),
                    s.installer(),
                    s.recorder(),
                    new ProcurementDto(p.supplier(), p.contractReference(), p.contractDate(), p.contractValue()),
                    ProvenanceDto.of(s.provenance()));
        }
    }

    record SystemRequest(
            @NotBlank String name,
            @Nullable String operator,
            @Nullable String purpose,
            @Nullable String installer,
            @Nullable String recorder,
            @Nullable ProcurementDto procurement) {}

    record DeviceDto(
            long id,
            long organisationId,
            @Nullable Long siteId,
            @Nullable Long systemId,
            @Nullable String manufacturer,
            @Nullable String brand,
            @Nullable String model,
            @Nullable String firmware,
            @Nullable String serialNumber,
            @Nullable String macAddress,
            @Nullable String ipAddress,
            @Nullable String assetTag,
            Set<Capability> capabilities,
            DeviceStatus status,
            @Nullable LocalDate installedOn,
            @Nullable LocalDate statusChangedOn,
            int version,
            ProvenanceDto provenance,

            @Schema(
                    description = "Where each fact came from, keyed by the property that holds it:"
                            + " the device's provenance is its last change, and a fact that change left"
                            + " alone keeps its own.")
            Map<String, ProvenanceDto> factProvenance) {
        static DeviceDto of(Device d) {
            DeviceFacts f = d.facts();
            return new DeviceDto(
                    d.id(),
                    d.organisationId(),
                    d.siteId(),
                    d.systemId(),
                    f.manufacturer(),
                    f.brand(),
                    f.model(),
                    f.firmware(),
                    f.serialNumber(),
                    f.macAddress() == null ? null : f.macAddress().value(),
                    f.ipAddress() == null ? null : f.ipAddress().value(),
                    f.assetTag(),
                    new TreeSet<>(f.capabilities()),
                    f.status(),
                    f.installedOn(),
                    f.statusChangedOn(),
                    d.version(),
                    ProvenanceDto.of(d.provenance()),
                    factProvenance(d));
        }

        private static Map<String, ProvenanceDto> factProvenance(Device d) {
            Map<String, ProvenanceDto> sources = new LinkedHashMap<>();
            for (DeviceField field : DeviceField.values()) {
                sources.put(property(field), ProvenanceDto.of(d.sourceOf(field)));
            }
            return sources;
        }

        private static String property(DeviceField field) {
            return switch (field) {
                case SITE -> "siteId";
                case CAMERA_SYSTEM -> "systemId";
                case MANUFACTURER -> "manufacturer";
                case BRAND -> "brand";
                case MODEL -> "model";
                case FIRMWARE -> "firmware";
                case SERIAL_NUMBER -> "serialNumber";
                case MAC_ADDRESS -> "macAddress";
                case IP_ADDRESS -> "ipAddress";
                case ASSET_TAG -> "assetTag";
                case CAPABILITIES -> "capabilities";
                case STATUS -> "status";
                case INSTALLED_ON -> "installedOn";
                case STATUS_CHANGED_ON -> "statusChangedOn";
            };
        }
    }

    record DeviceRequest(
            @Nullable Long siteId,
            @Nullable Long systemId,
            @Nullable String manufacturer,
            @Nullable String brand,
            @Nullable String model,
            @Nullable String firmware,
            @Nullable String serialNumber,
            @Nullable String macAddress,
            @Nullable String ipAddress,
            @Nullable String assetTag,
            @Nullable Set<Capability> capabilities,
            @Nullable DeviceStatus status,
            @Nullable LocalDate installedOn,
            @Nullable LocalDate statusChangedOn,
            @Nullable Integer version) {}

    /** A page of devices; pass {@code next} as {@code after} to get the following page. */
    record DevicePageDto(
            java.util.List<DeviceDto> devices,
            long matching,
            boolean moreThanCounted,
            @Nullable Long next,
            @Nullable Long previous) {}
}
