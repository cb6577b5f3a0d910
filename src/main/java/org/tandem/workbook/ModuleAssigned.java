package org.tandem.workbook;

/** A module was assigned to a couple (published in the assigning transaction; notifications listen). */
public record ModuleAssigned(long clinicId, long coupleId, long assignmentId, long assignedBy) {}
