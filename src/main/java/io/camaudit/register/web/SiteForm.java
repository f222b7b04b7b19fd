package io.camaudit.register.web;

import io.camaudit.register.Site;
import io.camaudit.register.SiteKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The site form. */
public class SiteForm {

    @NotBlank(message = "Enter the site's name")
    @Size(max = 200, message = "The name must be 200 characters or fewer")
    private String name;

    @Size(max = 400, message = "The address must be 400 characters or fewer")
    private String address;

    @Size(max = 10, message = "Enter a real postcode, like SW1A 2AA")
    private String postcode;

    @NotNull(message = "Select the kind of place")
    private SiteKind kind;

    private boolean sensitive;

    static SiteForm of(Site s) {
        SiteForm form = new SiteForm();
        form.name = s.name();
        form.address = s.address();
        form.postcode = s.postcode();
        form.kind = s.kind();
        form.sensitive = s.sensitive();
        return form;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getPostcode() {
        return postcode;
    }

    public void setPostcode(String postcode) {
        this.postcode = postcode;
    }

    public SiteKind getKind() {
        return kind;
    }

    public void setKind(SiteKind kind) {
        this.kind = kind;
    }

    public boolean isSensitive() {
        return sensitive;
    }

    public void setSensitive(boolean sensitive) {
        this.sensitive = sensitive;
    }
}
