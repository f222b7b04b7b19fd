package io.camaudit.register.web;

import io.camaudit.register.Capability;
import io.camaudit.register.Device;
import io.camaudit.register.DeviceFacts;
import io.camaudit.register.DeviceStatus;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.Set;

/** The device form. */
public class DeviceForm {

    private Long siteId;
    private Long systemId;

    @Size(max = 200, message = "The manufacturer must be 200 characters or fewer")
    private String manufacturer;

    @Size(max = 200, message = "The brand must be 200 characters or fewer")
    private String brand;

    @Size(max = 200, message = "The model must be 200 characters or fewer")
    private String model;

    @Size(max = 100, message = "The firmware must be 100 characters or fewer")
    private String firmware;

    @Size(max = 100, message = "The serial number must be 100 characters or fewer")
    private String serialNumber;

    private String macAddress;
    private String ipAddress;

    @Size(max = 100, message = "The asset tag must be 100 characters or fewer")
    private String assetTag;

    private Set<Capability> capabilities = EnumSet.noneOf(Capability.class);

    @NotNull(message = "Select the status")
    private DeviceStatus status = DeviceStatus.IN_SERVICE;

    private String installedOn;
    private String statusChangedOn;
    private Integer version;

    static DeviceForm of(Device d) {
        DeviceFacts f = d.facts();
        DeviceForm form = new DeviceForm();
        form.siteId = d.siteId();
        form.systemId = d.systemId();
        form.manufacturer = f.manufacturer();
        form.brand = f.brand();
        form.model = f.model();
        form.firmware = f.firmware();
        form.serialNumber = f.serialNumber();
        form.macAddress = f.macAddress() == null ? null : f.macAddress().value();
        form.ipAddress = f.ipAddress() == null ? null : f.ipAddress().value();
        form.assetTag = f.assetTag();
        form.capabilities =
                f.capabilities().isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(f.capabilities());
        form.status = f.status();
        form.installedOn = f.installedOn() == null ? null : f.installedOn().toString();
        form.statusChangedOn =
                f.statusChangedOn() == null ? null : f.statusChangedOn().toString();
        form.version = d.version();
        return form;
    }

    public Long getSiteId() {
        return siteId;
    }

    public void setSiteId(Long siteId) {
        this.siteId = siteId;
    }

    public Long getSystemId() {
        return systemId;
    }

    public void setSystemId(Long systemId) {
        this.systemId = systemId;
    }

    public String getManufacturer() {
        return manufacturer;
    }

    public void setManufacturer(String manufacturer) {
        this.manufacturer = manufacturer;
    }

    public String getBrand() {
        return brand;
    }

    public void setBrand(String brand) {
        this.brand = brand;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getFirmware() {
        return firmware;
    }

    public void setFirmware(String firmware) {
        this.firmware = firmware;
    }

    public String getSerialNumber() {
        return serialNumber;
    }

    public void setSerialNumber(String serialNumber) {
        this.serialNumber = serialNumber;
    }

    public String getMacAddress() {
        return macAddress;
    }

    public void setMacAddress(String macAddress) {
        this.macAddress = macAddress;
    }

    public String getIpAddress() {
        return ipAddress;
    }

    public void setIpAddress(String ipAddress) {
        this.ipAddress = ipAddress;
    }

    public String getAssetTag() {
        return assetTag;
    }

    public void setAssetTag(String assetTag) {
        this.assetTag = assetTag;
    }

    public Set<Capability> getCapabilities() {
        return capabilities;
    }

    public void setCapabilities(Set<Capability> capabilities) {
        this.capabilities = capabilities;
    }

    public DeviceStatus getStatus() {
        return status;
    }

    public void setStatus(DeviceStatus status) {
        this.status = status;
    }

    public String getInstalledOn() {
        return installedOn;
    }

    public void setInstalledOn(String installedOn) {
        this.installedOn = installedOn;
    }

    public String getStatusChangedOn() {
        return statusChangedOn;
    }

    public void setStatusChangedOn(String statusChangedOn) {
        this.statusChangedOn = statusChangedOn;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }
}
