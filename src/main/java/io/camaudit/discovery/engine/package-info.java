/**
 * The survey in plain Java: the scope and its guard, the pacing, the read-only probes in their real
 * protocols (TCP, HTTP, TLS, RTSP, ONVIF SOAP, WS-Discovery, Hikvision SADP, Dahua DHIP), the
 * fingerprint rules (data, not code) and the identification of each host with its evidence.
 */
@NullMarked
@NamedInterface("engine")
package io.camaudit.discovery.engine;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
