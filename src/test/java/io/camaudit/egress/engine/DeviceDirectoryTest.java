package io.camaudit.egress.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeviceDirectoryTest {

    private static Directory.Device device(long id) {
        return new Directory.Device(id, 1, null, "device " + id, "hikvision");
    }

    @Test
    void findsEachDeviceByItsIpv4Ipv6AddressOrMacAndNothingElse() {
        DeviceDirectory.Builder builder = DeviceDirectory.builder();
        for (int d = 0; d < 20_000; d++) { // enough for the tables' probing to meet collisions
            builder.address(Ip.v4((10 << 24) | (20 << 16) | d), device(d));
        }
        builder.address(Ip.parse("0.0.0.0"), device(90_001))
                .address(Ip.parse("255.255.255.255"), device(90_002))
                .address(Ip.parse("2001:db8::7"), device(90_003))
                .mac(0x0012_3456_789AL, device(90_004))
                .mac(0, device(90_005));
        DeviceDirectory directory = builder.build();

        for (int d = 0; d < 20_000; d++) {
            int address = (10 << 24) | (20 << 16) | d;
            assertThat(directory.byAddress4(address))
                    .isNotNull()
                    .extracting(Directory.Device::id)
                    .isEqualTo((long) d);
            assertThat(directory.byAddress(Ip.v4(address))).isSameAs(directory.byAddress4(address));
        }
        assertThat(directory.byAddress4((10 << 24) | (21 << 16))).isNull();
        assertThat(directory.byAddress(Ip.parse("0.0.0.0")).id()).isEqualTo(90_001);
        assertThat(directory.byAddress4(-1).id()).isEqualTo(90_002);
        assertThat(directory.byAddress(Ip.parse("2001:db8::7")).id()).isEqualTo(90_003);
        assertThat(directory.byAddress(Ip.parse("2001:db8::8"))).isNull();
        assertThat(directory.byAddress(Ip.parse("::ffff:0:7"))).isNull();
        assertThat(directory.byMac(0x0012_3456_789AL).id()).isEqualTo(90_004);
        assertThat(directory.byMac(0).id()).isEqualTo(90_005);
        assertThat(directory.byMac(0x0012_3456_789BL)).isNull();
        assertThat(directory.byMac(Flow.NO_MAC)).isNull();
        assertThat(directory.size()).isEqualTo(20_003);
    }

    @Test
    void theFirstDeviceGivenAnAddressOrMacKeepsIt() {
        DeviceDirectory directory = DeviceDirectory.builder()
                .address(Ip.parse("10.0.0.1"), device(1))
                .address(Ip.parse("10.0.0.1"), device(2))
                .mac(0xAABB_CCDD_EEFFL, device(3))
                .mac(0xAABB_CCDD_EEFFL, device(4))
                .build();
        assertThat(directory.byAddress(Ip.parse("10.0.0.1")).id()).isEqualTo(1);
        assertThat(directory.byMac(0xAABB_CCDD_EEFFL).id()).isEqualTo(3);
    }

    @Test
    void eachDeviceHasOneNumberWhateverItIsFoundBy() {
        Directory.Device camera = device(7);
        Directory.Device recorder = device(8);
        DeviceDirectory directory = DeviceDirectory.builder()
                .address(Ip.parse("10.0.0.7"), camera)
                .address(Ip.parse("2001:db8::7"), camera)
                .mac(0x0012_3456_7807L, new Directory.Device(7, 1, null, "device 7", "hikvision")) // equal: the same
                .address(Ip.parse("10.0.0.8"), recorder)
                .build();
        assertThat(directory.devices()).isEqualTo(2);
        int seven = directory.number4((10 << 24) | 7);
        assertThat(seven).isBetween(0, 1);
        assertThat(directory.number(Ip.parse("10.0.0.7"))).isEqualTo(seven);
        assertThat(directory.number(Ip.parse("2001:db8::7"))).isEqualTo(seven);
        assertThat(directory.numberByMac(0x0012_3456_7807L)).isEqualTo(seven);
        assertThat(directory.device(seven)).isSameAs(camera);
        int eight = directory.number(Ip.parse("10.0.0.8"));
        assertThat(eight).isNotEqualTo(seven).isBetween(0, 1);
        assertThat(directory.device(eight)).isSameAs(recorder);
        assertThat(directory.number4((10 << 24) | 9)).isEqualTo(DeviceDirectory.NONE);
        assertThat(directory.number(Ip.parse("2001:db8::9"))).isEqualTo(DeviceDirectory.NONE);
        assertThat(directory.numberByMac(Flow.NO_MAC)).isEqualTo(DeviceDirectory.NONE);
    }

    @Test
    void anEmptyDirectoryKnowsNoOne() {
        DeviceDirectory directory = DeviceDirectory.builder().build();
        assertThat(directory.byAddress4(0)).isNull();
        assertThat(directory.byMac(1)).isNull();
        assertThat(directory.size()).isZero();
        assertThat(directory.devices()).isZero();
    }
}
