package org.minsheng.identity;

public record UserCreated(UserId userId, String username, DepartmentId departmentId) {
}
