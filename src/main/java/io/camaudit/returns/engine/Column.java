package io.camaudit.returns.engine;

import io.camaudit.shared.Labelled;
import java.util.List;

/**
 * The columns a return may have, each with the header spellings seen in Freedom of Information
 * answers and recorder exports. Headers are compared with case, spacing and punctuation removed.
 */
public enum Column {
    SITE("Site", "site", "site name", "location", "location name", "building", "premises", "site/location"),
    ADDRESS("Address", "address", "site address", "street address"),
    POSTCODE("Postcode", "postcode", "post code", "postal code"),
    SITE_KIND(
            "Kind of place", "kind of place", "site type", "type of site", "location type", "site kind", "place type"),
    SENSITIVE("Sensitive site", "sensitive site", "sensitive"),
    SYSTEM("Camera system", "camera system", "system", "system name", "scheme", "cctv system"),
    MANUFACTURER(
            "Manufacturer",
            "manufacturer",
            "make",
            "vendor",
            "camera make",
            "camera manufacturer",
            "make/manufacturer",
            "manufacturer/make",
            "maker"),
    BRAND("Brand", "brand", "brand name", "sold as", "badge"),
    MODEL(
            "Model",
            "model",
            "model number",
            "model no",
            "model no.",
            "camera model",
            "product",
            "model/type",
            "device type"),
    FIRMWARE("Firmware", "firmware", "firmware version", "fw version", "software version"),
    SERIAL("Serial number", "serial number", "serial", "serial no", "s/n", "sn", "device serial"),
    MAC("MAC address", "mac address", "mac", "mac addr"),
    IP("IP address", "ip address", "ip", "ipv4", "ip addr", "ipv4 address"),
    ASSET_TAG(
            "Asset tag",
            "asset tag",
            "asset",
            "asset id",
            "asset number",
            "camera id",
            "camera name",
            "device name",
            "channel name",
            "camera ref",
            "camera reference",
            "name"),
    CAPABILITIES("Capabilities", "capabilities", "features", "functions", "declared capabilities"),
    FACE_RECOGNITION("Face recognition", "face recognition", "facial recognition", "frt", "face detection"),
    AUDIO("Audio", "audio", "audio recording", "microphone"),
    ANPR("ANPR", "anpr", "alpr", "number plate recognition"),
    THERMAL("Thermal", "thermal", "thermal imaging"),
    PTZ("PTZ", "ptz", "pan tilt zoom"),
    ANALYTICS("Analytics", "analytics", "video analytics"),
    STATUS("Status", "status", "state", "device status"),
    INSTALLED_ON(
            "Installed",
            "installed",
            "install date",
            "date installed",
            "installation date",
            "installed on",
            "year installed"),
    STATUS_CHANGED_ON(
            "Removed or replaced on",
            "removed or replaced on",
            "date removed",
            "removal date",
            "removed on",
            "date replaced",
            "replaced on",
            "status date",
            "decommissioned"),
    QUANTITY(
            "Quantity",
            "quantity",
            "qty",
            "count",
            "number of cameras",
            "no of cameras",
            "no. of cameras",
            "number of units",
            "units");

    private final String label;
    private final List<String> synonyms;

    Column(String label, String... synonyms) {
        this.label = label;
        this.synonyms = List.of(synonyms).stream().map(Labelled::squash).toList();
    }

    public String label() {
        return label;
    }

    List<String> synonyms() {
        return synonyms;
    }
}
