package io.camaudit.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EstateChangeTest {

    @Test
    void createdRowsBecomeOneChangePerRunOfConsecutiveIds() {
        List<EstateChange> changes = EstateChange.created("device", List.of(12L, 10L, 11L, 20L, 14L, 13L, 22L));
        assertThat(changes)
                .extracting(c -> c.entityId() + ".." + c.lastEntityId())
                .containsExactly("10..14", "20..20", "22..22");
        assertThat(changes.get(0).ids().boxed()).containsExactly(10L, 11L, 12L, 13L, 14L);
        assertThat(changes).allSatisfy(c -> assertThat(c.kind()).isEqualTo(EstateChange.CREATED));
        assertThat(EstateChange.created("device", List.of())).isEmpty();
    }

    @Test
    void onlyCreationsCoverARun() {
        assertThatThrownBy(() -> new EstateChange("device", 5, EstateChange.UPDATED, "{}", 2, 6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("only creations cover a run of ids");
        assertThatThrownBy(() -> new EstateChange("device", 5, EstateChange.CREATED, null, 0, 4))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
