package org.minsheng.identity;

import static org.minsheng.identity.Permission.*;

import java.util.EnumSet;
import java.util.Set;

/**
 * The roles of a hotline center and its departments. {@code assignableByDepartmentAdmin} marks the
 * roles a department admin may give inside its own subtree; the others need a system admin.
 */
public enum Role {

	AGENT("话务员", false, DEPARTMENT_READ, CITIZEN_READ, CITIZEN_WRITE, WORKORDER_READ, WORKORDER_REGISTER,
			WORKORDER_CALLBACK, KNOWLEDGE_READ, CONTACT_AGENT),
	DISPATCHER("派单员", false, DEPARTMENT_READ, CITIZEN_READ, WORKORDER_READ, WORKORDER_REGISTER, WORKORDER_DISPATCH,
			WORKORDER_REVIEW, KNOWLEDGE_READ),
	HANDLER("承办人", true, DEPARTMENT_READ, WORKORDER_READ, WORKORDER_HANDLE, KNOWLEDGE_READ),
	KNOWLEDGE_EDITOR("知识库编辑", true, DEPARTMENT_READ, KNOWLEDGE_READ, KNOWLEDGE_EDIT),
	DEPARTMENT_ADMIN("部门管理员", true, DEPARTMENT_READ, Permission.DEPARTMENT_ADMIN, USER_READ, USER_ADMIN,
			WORKORDER_READ, KNOWLEDGE_READ, KNOWLEDGE_EDIT, KNOWLEDGE_REVIEW),
	QUALITY_INSPECTOR("质检员", false, DEPARTMENT_READ, CITIZEN_READ, WORKORDER_READ, KNOWLEDGE_READ,
			CONTACT_SUPERVISE),
	SUPERVISOR("班长/值班长", false, DEPARTMENT_READ, USER_READ, CITIZEN_READ, CITIZEN_WRITE, PERSONAL_DATA_UNMASK,
			WORKORDER_READ, WORKORDER_REGISTER, WORKORDER_DISPATCH, WORKORDER_REVIEW, WORKORDER_CALLBACK,
			WORKORDER_SUPERVISE, CATEGORY_ADMIN, SLA_ADMIN, KNOWLEDGE_READ, KNOWLEDGE_EDIT, KNOWLEDGE_REVIEW,
			CONTACT_AGENT, CONTACT_SUPERVISE, CONTACT_ADMIN, INSIGHT_READ),
	ANALYST("分析员", false, DEPARTMENT_READ, WORKORDER_READ, KNOWLEDGE_READ, INSIGHT_READ),
	/**
	 * A leader of the center or of a department (领导): reads the figures and the orders within the
	 * department's scope, changes nothing.
	 */
	LEADER("领导", true, DEPARTMENT_READ, WORKORDER_READ, KNOWLEDGE_READ, INSIGHT_READ),
	/** For the service account of a text channel (web chat, app): asks the FAQ bot, registers hand-offs. */
	BOT("智能问答渠道", false, KNOWLEDGE_READ, WORKORDER_REGISTER),
	/** For the service account of a monitoring system (Prometheus): reads the runtime metrics, nothing else. */
	MONITOR("运行监控", false, METRICS_READ),
	SYSTEM_ADMIN("系统管理员", false, DEPARTMENT_READ, Permission.DEPARTMENT_ADMIN, USER_READ, USER_ADMIN, TOKEN_ADMIN,
			AUDIT_READ, WORKORDER_READ, CATEGORY_ADMIN, SLA_ADMIN, INTEGRATION_ADMIN,
			KNOWLEDGE_READ, KNOWLEDGE_ADMIN, CONTACT_SUPERVISE, CONTACT_ADMIN, METRICS_READ);

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
