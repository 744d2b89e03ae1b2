package org.minsheng.identity;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** User administration. Every call honours the current actor's data scope and assignable roles. */
public interface Users {

	Optional<UserAccount> find(UserId id);

	List<UserAccount> visible(String search, DepartmentId department);

	/** Creates a user; when no password is given one is generated and returned once in the result. */
	Created create(NewUser request);

	UserAccount setEnabled(UserId id, boolean enabled);

	/** Sets a new password (or generates one when null) and clears any lock. */
	String resetPassword(UserId id, String newPassword);

	UserAccount move(UserId id, DepartmentId department);

	UserAccount assignRoles(UserId id, Set<Role> roles);

	/** The logged-in user changes their own password; the current one must be given. */
	void changeOwnPassword(String currentPassword, String newPassword);

	/** Issues an API token for the user; the secret is shown only in this result. */
	IssuedToken issueToken(UserId id, String name, OffsetDateTime expiresAt);

	void revokeToken(UserId id, long tokenId);

	record NewUser(String username, String displayName, DepartmentId departmentId, Set<Role> roles,
			String password, boolean serviceAccount) {
	}

	record Created(UserAccount user, String generatedPassword) {
	}

	record IssuedToken(long id, String name, String token, OffsetDateTime expiresAt) {
	}
}
