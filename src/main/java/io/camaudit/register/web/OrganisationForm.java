package io.camaudit.register.web;

import io.camaudit.register.Organisation;
import io.camaudit.register.Region;
import io.camaudit.register.Sector;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The organisation form. */
public class OrganisationForm {

    @NotBlank(message = "Enter the organisation's name")
    @Size(max = 200, message = "The name must be 200 characters or fewer")
    private String name;

    @NotNull(message = "Select the sector")
    private Sector sector;

    @NotNull(message = "Select the region or nation")
    private Region region;

    @Size(max = 40, message = "The official code must be 40 characters or fewer")
    private String officialCode;

    @Size(max = 320, message = "The contact email address must be 320 characters or fewer")
    private String contactEmail;

    static OrganisationForm of(Organisation o) {
        OrganisationForm form = new OrganisationForm();
        form.name = o.name();
        form.sector = o.sector();
        form.region = o.region();
        form.officialCode = o.officialCode();
        form.contactEmail = o.contactEmail();
        return form;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Sector getSector() {
        return sector;
    }

    public void setSector(Sector sector) {
        this.sector = sector;
    }

    public Region getRegion() {
        return region;
    }

    public void setRegion(Region region) {
        this.region = region;
    }

    public String getOfficialCode() {
        return officialCode;
    }

    public void setOfficialCode(String officialCode) {
        this.officialCode = officialCode;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public void setContactEmail(String contactEmail) {
        this.contactEmail = contactEmail;
    }
}
