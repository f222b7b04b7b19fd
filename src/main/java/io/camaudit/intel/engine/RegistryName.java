package io.camaudit.intel.engine;

import java.util.List;

/** An organisation name in the IEEE MAC registries (matched as a word prefix) and its company. */
public record RegistryName(String organisation, String company, List<String> sources, String checked) {}
