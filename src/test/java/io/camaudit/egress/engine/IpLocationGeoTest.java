package io.camaudit.egress.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** The bundled ip-location-db data, as the build installs it (scripts/geo-data). */
class IpLocationGeoTest {

    @Test
    void countriesAndAutonomousSystemsOfWellKnownAddresses() throws Exception {
        Geo geo = IpLocationGeo.bundled();
        assumeTrue(
                geo instanceof IpLocationGeo,
                "skipped: the build installed no geolocation data (no npm or no network)");
        assertThat(geo.describe())
                .startsWith("ip-location-db geo-whois-asn-country and asn 2.3.2026061719 (CC BY 4.0")
                .endsWith("data of 2026-06-17)");
        assertThat(geo.asn(Ip.parse("1.0.0.1"))).isEqualTo(new Geo.Asn(13335, "Cloudflare, Inc."));
        assertThat(geo.country(Ip.parse("8.8.8.8"))).isEqualTo("US");
        assertThat(geo.country(Ip.parse("114.114.114.114"))).isEqualTo("CN");
        assertThat(geo.asn(Ip.parse("2001:4860:4860::8888")).number()).isEqualTo(15169);
        assertThat(geo.country(Ip.parse("2001:4860:4860::8888"))).isEqualTo("US");
        assertThat(geo.country(Ip.parse("240e::1")))
                .as("China Telecom's IPv6 block")
                .isEqualTo("CN");
        assertThat(geo.country(Ip.parse("10.20.0.5")))
                .as("private addresses have no country")
                .isNull();
        assertThat(geo.asn(Ip.parse("10.20.0.5"))).isNull();
        ((IpLocationGeo) geo).close();
    }
}
