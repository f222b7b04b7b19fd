package io.camaudit.egress.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The analysis's table of device and destination pairs, whose values hold their own keys. */
class PairTableTest {

    private record Entry(long device, long high, long low) implements PairTable.Keyed {}

    @Test
    void findsEveryEntryThroughItsGrowthAndNothingElse() {
        PairTable<Entry> table = new PairTable<>(1_000_000);
        for (int d = 0; d < 300; d++) {
            for (int a = 0; a < 300; a++) { // 90,000 entries: the table doubles many times
                Ip address = Ip.v4((203 << 24) | (a << 12) | d);
                assertThat(table.add(new Entry(d, address.high(), address.low()), true))
                        .isTrue();
            }
        }
        assertThat(table.size()).isEqualTo(90_000);
        for (int d = 0; d < 300; d++) {
            for (int a = 0; a < 300; a++) {
                Ip address = Ip.v4((203 << 24) | (a << 12) | d);
                Entry found = table.get(d, address);
                assertThat(found).isNotNull();
                assertThat(found.device()).isEqualTo(d);
                assertThat(found.low()).isEqualTo(address.low());
            }
        }
        assertThat(table.get(300, Ip.v4((203 << 24) | 1))).isNull();
        assertThat(table.get(1, Ip.v4((203 << 24) | (300 << 12) | 1))).isNull();
    }

    @Test
    void anIpv4AndAnIpv6AddressWithTheSameBitsAreDifferentKeys() {
        PairTable<Entry> table = new PairTable<>(10);
        Ip v4 = Ip.parse("192.0.2.1");
        Ip v6 = Ip.parse("::c000:201"); // the same two longs as 192.0.2.1
        assertThat(v6.high()).isEqualTo(v4.high());
        assertThat(v6.low()).isEqualTo(v4.low());
        Entry four = new Entry(7, v4.high(), v4.low());
        table.add(four, true);
        assertThat(table.get(7, v4)).isSameAs(four);
        assertThat(table.get(7, v6)).isNull();
        Entry six = new Entry(7, v6.high(), v6.low());
        table.add(six, false);
        assertThat(table.get(7, v6)).isSameAs(six);
        assertThat(table.get(7, v4)).isSameAs(four);
    }

    @Test
    void itRefusesEntriesBeyondItsLimit() {
        PairTable<Entry> table = new PairTable<>(2);
        assertThat(table.add(new Entry(1, 0, 1), true)).isTrue();
        assertThat(table.add(new Entry(1, 0, 2), true)).isTrue();
        assertThat(table.full()).isTrue();
        assertThat(table.add(new Entry(1, 0, 3), true)).isFalse();
        assertThat(table.get(1, 0, 3, true)).isNull();
        assertThat(table.size()).isEqualTo(2);
    }
}
