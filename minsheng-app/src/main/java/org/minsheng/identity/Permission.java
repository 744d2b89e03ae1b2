package org.minsheng.identity;

/** What a role may do. Spring Security sees each as an authority of the same name. */
public enum Permission {
	DEPARTMENT_READ, DEPARTMENT_ADMIN, USER_READ, USER_ADMIN, TOKEN_ADMIN, AUDIT_READ, CITIZEN_READ, CITIZEN_WRITE,
	PERSONAL_DATA_UNMASK
}
