package io.camaudit.egress.engine;

/**
 * One address a DNS answer gave for a name, and to whom: so that a flow to that address can be
 * named by what the device looked up (and a look-up of a vendor's cloud counts even where no flow
 * followed).
 */
public record DnsAnswer(long time, Ip client, String name, Ip address, long ttlSeconds) {}
