package org.minsheng.identity;

public record DepartmentCreated(DepartmentId departmentId, String name, DepartmentType type, String divisionCode) {
}
