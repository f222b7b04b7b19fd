package io.camaudit.register;

/** A device with the names a list needs beside it. */
public record DeviceRow(Device device, String organisationName, String siteName) {}
