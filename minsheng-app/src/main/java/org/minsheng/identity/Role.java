package org.minsheng.identity;

import static org.minsheng.identity.Permission.*;

import java.util.EnumSet;
import java.util.Set;

/**
 * The roles of a hotline center and its departments. {@code assignableByDepartmentAdmin} marks the
 * roles a department admin may give inside its own subtree; the others need a system admin.
 */
public enum Role {

	AGENT("话务员", false, DEPARTMENT_READ, CITIZEN_READ, CITIZEN_WRITE),
	DISPATCHER("派单员", false, DEPARTMENT_READ, CITIZEN_READ),
	HANDLER("承办人", true, DEPARTMENT_READ),
	DEPARTMENT_ADMIN("部门管理员", true, DEPARTMENT_READ, Permission.DEPARTMENT_ADMIN, USER_READ, USER_ADMIN),
	QUALITY_INSPECTOR("质检员", false, DEPARTMENT_READ, CITIZEN_READ),
	SUPERVISOR("班长/值班长", false, DEPARTMENT_READ, USER_READ, CITIZEN_READ, CITIZEN_WRITE, PERSONAL_DATA_UNMASK),
	ANALYST("分析员", false, DEPARTMENT_READ),
	SYSTEM_ADMIN("系统管理员", false, DEPARTMENT_READ, Permission.DEPARTMENT_ADMIN, USER_READ, USER_ADMIN, TOKEN_ADMIN,
			AUDIT_READ);

	private final String label;

	private final boolean assignableByDepartmentAdmin;

	private final Set<Permission> permissions;

	Role(String label, boolean assignableByDepartmentAdmin, Permission first, Permission... rest) {
		this.label = label;
		this.assignableByDepartmentAdmin = assignableByDepartmentAdmin;
		this.permissions = EnumSet.of(first, rest);
	}

	public String label() {
		return label;
	}

	public boolean assignableByDepartmentAdmin() {
		return assignableByDepartmentAdmin;
	}

	public Set<Permission> permissions() {
		return Set.copyOf(permissions);
	}
}
