/**
 * The capability audit in plain Java: read-only reads of a device's own documents (ONVIF, Hikvision
 * ISAPI, Dahua's configuration CGI) and of which of its services answer, the indicator rules that
 * turn what they say into a capability matrix (data, not code), the comparison with what the body
 * declared and with the last audit, and the match of its firmware against known exploited
 * vulnerabilities. Nothing here sets, tries or exploits anything.
 */
@NullMarked
@NamedInterface("engine")
package io.camaudit.capability.engine;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
