package io.camaudit.returns.engine;

/** One device a return stands for, with the natural key that finds it again on re-import. */
public record ReturnDevice(ReturnRow row, String naturalKey) {}
