package io.camaudit.intel.engine;

/**
 * A mapping an administrator confirmed from the review queue: a string as it appears in returns,
 * the company that made the device, and who said so, on what evidence, when.
 */
public record LocalMapping(String text, String company, String author, String evidence, String recordedAt) {}
