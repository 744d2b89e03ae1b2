package org.minsheng.identity;

/** A department got a new name. */
public record DepartmentRenamed(DepartmentId department, String oldName, String newName) {
}
