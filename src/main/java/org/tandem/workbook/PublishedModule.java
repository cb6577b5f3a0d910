package org.tandem.workbook;

/** A frozen, published version of a module: what partners see and answer. */
public record PublishedModule(long versionId, long moduleId, int number, boolean builtIn, ModuleContent content) {
}
