/**
 * Egress monitoring: what a body's cameras and recorders talk to, from the network records the body
 * already has (NetFlow, IPFIX, Zeek logs, captures), and the alerts when one reaches a destination
 * it should not.
 */
@NullMarked
package io.camaudit.egress;

import org.jspecify.annotations.NullMarked;
