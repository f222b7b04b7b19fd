package io.camaudit.register;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** How a camera system was bought: the facts a procurement team is asked for. */
public record Procurement(
        @Nullable String supplier,
        @Nullable String contractReference,
        @Nullable LocalDate contractDate,
        @Nullable BigDecimal contractValue) {

    public static Procurement none() {
        return new Procurement(null, null, null, null);
    }
}
