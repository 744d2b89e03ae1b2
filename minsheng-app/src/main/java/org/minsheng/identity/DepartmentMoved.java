package org.minsheng.identity;

public record DepartmentMoved(DepartmentId departmentId, DepartmentId from, DepartmentId to) {
}
