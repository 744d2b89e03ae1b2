package org.minsheng.identity;

/** What a role may do. Spring Security sees each as an authority of the same name. */
public enum Permission {
	DEPARTMENT_READ, DEPARTMENT_ADMIN, USER_READ, USER_ADMIN, TOKEN_ADMIN, AUDIT_READ, CITIZEN_READ, CITIZEN_WRITE,
	PERSONAL_DATA_UNMASK, WORKORDER_READ, WORKORDER_REGISTER, WORKORDER_DISPATCH, WORKORDER_HANDLE,
	WORKORDER_REVIEW, WORKORDER_CALLBACK, WORKORDER_SUPERVISE, CATEGORY_ADMIN, SLA_ADMIN, INTEGRATION_ADMIN,
	KNOWLEDGE_READ, KNOWLEDGE_EDIT, KNOWLEDGE_REVIEW, KNOWLEDGE_ADMIN,
	/** Take calls: change one's own agent state, see one's own calls. */
	CONTACT_AGENT,
	/** See every agent, queue and call; change agents' states. */
	CONTACT_SUPERVISE,
	/** Agents' SIP accounts and skills, the call plan (IVR flows and queues). */
	CONTACT_ADMIN,
	/** The center's figures within one's scope: today's overview on the home page (数据概览). */
	INSIGHT_READ,
	/** Read the platform's runtime metrics at {@code /actuator/prometheus} (a monitoring system's API token). */
	METRICS_READ
}
