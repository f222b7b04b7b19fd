package io.camaudit.register;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** The fields of a camera system a user supplies. */
public record SystemDraft(
        String name,
        @Nullable String operator,
        @Nullable String purpose,
        @Nullable String installer,
        @Nullable String recorder,
        Procurement procurement) {

    public SystemDraft {
        name = Text.required(name, "name", 200);
        operator = Text.optional(operator, "operator", 200);
        purpose = Text.optional(purpose, "purpose", 400);
        installer = Text.optional(installer, "installer", 200);
        recorder = Text.optional(recorder, "recorder", 200);
        BigDecimal value = procurement.contractValue();
        if (value != null && value.signum() < 0) {
            throw new IllegalArgumentException("contract value cannot be negative");
        }
        procurement = new Procurement(
                Text.optional(procurement.supplier(), "supplier", 200),
                Text.optional(procurement.contractReference(), "contract reference", 100),
                procurement.contractDate(),
                value);
    }

    CameraSystem toSystem(long id, long organisationId, Provenance provenance) {
        return new CameraSystem(
                id, organisationId, name, operator, purpose, installer, recorder, procurement, provenance);
    }
}
