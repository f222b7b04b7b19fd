package io.camaudit.discovery.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScopeTest {

    private static List<String> all(Scope scope) {
        List<String> out = new ArrayList<>();
        scope.addresses().forEach(a -> out.add(a.getHostAddress()));
        return out;
    }

    @Test
    void blocksRangesAndSingleAddressesLessExclusions() throws Exception {
        Scope scope = Scope.parse(
                List.of("10.20.0.0/30, 10.20.0.8-10.20.0.9", "10.20.0.20"), List.of("10.20.0.1", "10.20.0.9"));
        assertThat(all(scope)).containsExactly("10.20.0.0", "10.20.0.2", "10.20.0.3", "10.20.0.8", "10.20.0.20");
        assertThat(scope.size()).isEqualTo(5);
        assertThat(scope.contains(InetAddress.getByName("10.20.0.2"))).isTrue();
        assertThat(scope.contains(InetAddress.getByName("10.20.0.1"))).isFalse();
        assertThat(scope.contains(InetAddress.getByName("10.20.0.4"))).isFalse();
        assertThat(scope.contains(InetAddress.getByName("::1"))).isFalse();
    }

    @Test
    void overlappingEntriesAreSurveyedOnce() {
        assertThat(all(Scope.of("192.0.2.0/31", "192.0.2.1-192.0.2.2")))
                .containsExactly("192.0.2.0", "192.0.2.1", "192.0.2.2");
    }

    @Test
    void badScopesAreRefusedWithTheEntryNamed() {
        assertThatThrownBy(() -> Scope.parse(List.of(), List.of())).hasMessageContaining("A scope is required");
        assertThatThrownBy(() -> Scope.of("10.20.0.1/16"))
                .hasMessageContaining("10.20.0.1/16")
                .hasMessageContaining("10.20.0.0");
        assertThatThrownBy(() -> Scope.of("10.20.300.1")).hasMessageContaining("300 is more than 255");
        assertThatThrownBy(() -> Scope.of("10.0.0.0/8")).hasMessageContaining("at most");
        assertThatThrownBy(() -> Scope.of("224.0.0.0/24")).hasMessageContaining("multicast");
        assertThatThrownBy(() -> Scope.of("10.0.0.9-10.0.0.1")).hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> Scope.parse(List.of("10.0.0.1"), List.of("10.0.0.0/24")))
                .hasMessageContaining("leave no address");
        assertThatThrownBy(() -> Scope.of("camera.example"))
                .hasMessageContaining("\"camera.example\" is not an IPv4 address");
    }

    @Test
    void theNetworkRefusesAnAddressOutsideTheScope() throws Exception {
        ScopedNetwork network = new ScopedNetwork(Scope.of("127.79.0.1"), SurveySettings.polite());
        assertThatThrownBy(() -> network.connect(InetAddress.getByName("127.79.0.2"), 80))
                .isInstanceOf(OutOfScopeException.class)
                .hasMessageContaining("127.79.0.2 is outside the survey's scope");
        assertThatThrownBy(() ->
                        network.exchangeUdp(InetAddress.getByName("127.79.0.3"), java.util.Map.of(3702, new byte[1])))
                .isInstanceOf(OutOfScopeException.class);
        assertThat(network.packets()).isZero();
    }
}
