package io.camaudit.intel;

/** Published when the bundle, the MAC registries or the local mappings change: every device is resolved again. */
public record IntelChanged(String bundleVersion) {}
