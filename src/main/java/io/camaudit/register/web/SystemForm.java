package io.camaudit.register.web;

import io.camaudit.register.CameraSystem;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The camera system form. */
public class SystemForm {

    @NotBlank(message = "Enter the system's name")
    @Size(max = 200, message = "The name must be 200 characters or fewer")
    private String name;

    @Size(max = 200, message = "The operator must be 200 characters or fewer")
    private String operator;

    @Size(max = 400, message = "The purpose must be 400 characters or fewer")
    private String purpose;

    @Size(max = 200, message = "The installer must be 200 characters or fewer")
    private String installer;

    @Size(max = 200, message = "The recorder must be 200 characters or fewer")
    private String recorder;

    @Size(max = 200, message = "The supplier must be 200 characters or fewer")
    private String supplier;

    @Size(max = 100, message = "The contract reference must be 100 characters or fewer")
    private String contractReference;

    private String contractDate;

    private String contractValue;

    static SystemForm of(CameraSystem s) {
        SystemForm form = new SystemForm();
        form.name = s.name();
        form.operator = s.operator();
        form.purpose = s.purpose();
        form.installer = s.installer();
        form.recorder = s.recorder();
        form.supplier = s.procurement().supplier();
        form.contractReference = s.procurement().contractReference();
        form.contractDate = s.procurement().contractDate() == null
                ? null
                : s.procurement().contractDate().toString();
        form.contractValue = s.procurement().contractValue() == null
                ? null
                : s.procurement().contractValue().toPlainString();
        return form;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getOperator() {
        return operator;
    }

    public void setOperator(String operator) {
        this.operator = operator;
    }

    public String getPurpose() {
        return purpose;
    }

    public void setPurpose(String purpose) {
        this.purpose = purpose;
    }

    public String getInstaller() {
        return installer;
    }

    public void setInstaller(String installer) {
        this.installer = installer;
    }

    public String getRecorder() {
        return recorder;
    }

    public void setRecorder(String recorder) {
        this.recorder = recorder;
    }

    public String getSupplier() {
        return supplier;
    }

    public void setSupplier(String supplier) {
        this.supplier = supplier;
    }

    public String getContractReference() {
        return contractReference;
    }

    public void setContractReference(String contractReference) {
        this.contractReference = contractReference;
    }

    public String getContractDate() {
        return contractDate;
    }

    public void setContractDate(String contractDate) {
        this.contractDate = contractDate;
    }

    public String getContractValue() {
        return contractValue;
    }

    public void setContractValue(String contractValue) {
        this.contractValue = contractValue;
    }
}
