package org.minsheng.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.minsheng.audit.AuditAction;
import org.minsheng.audit.AuditRecord;
import org.minsheng.audit.AuditTrail;
import org.minsheng.identity.Actor;
import org.minsheng.identity.CurrentActor;
import org.minsheng.identity.DepartmentId;
import org.minsheng.identity.Permission;
import org.minsheng.identity.Role;
import org.minsheng.identity.UserAccount;
import org.minsheng.identity.UserCreated;
import org.minsheng.identity.UserId;
import org.minsheng.identity.Users;
import org.minsheng.platform.ConflictException;
import org.minsheng.platform.InvalidFieldException;
import org.minsheng.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class UserService implements Users {

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,63}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final UserRows rows;

	private final DepartmentRows departments;

	private final CurrentActor current;

	private final PasswordEncoder encoder;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final IdentitySettings settings;

	private final Clock clock;

	private final LoginThrottle throttle;

	/** The source of a wrong current password: the signed-in session itself. */
	private static final String SESSION = "session";

	UserService(UserRows rows, DepartmentRows departments, CurrentActor current, PasswordEncoder encoder,
			AuditTrail audit, ApplicationEventPublisher events, IdentitySettings settings, Clock clock,
			LoginThrottle throttle) {
		this.throttle = throttle;
		this.rows = rows;
		this.departments = departments;
		this.current = current;
		this.encoder = encoder;
		this.audit = audit;
		this.events = events;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<UserAccount> find(UserId id) {
		var actor = current.get();
		actor.require(Permission.USER_READ);
		return visibleOne(actor, id);
	}

	@Override
	@Transactional(readOnly = true)
	public List<UserAccount> visible(String search, DepartmentId department) {
		var actor = current.get();
		actor.require(Permission.USER_READ);
		return rows.list(actor.scope().all() ? null : actor.scope().departmentIds(), search,
				department == null ? null : department.value());
	}

	@Override
	public Created create(NewUser request) {
		var actor = current.get();
		actor.require(Permission.USER_ADMIN);
		if (request.username() == null || !USERNAME.matcher(request.username()).matches()) {
			throw new InvalidFieldException("username",
					"用户名为 2 到 64 个字母、数字、「.」「_」或「-」，以字母或数字开头");
		}
		var displayName = request.displayName() == null ? "" : request.displayName().strip();
		if (displayName.isEmpty() || displayName.length() > 100) {
			throw new InvalidFieldException("displayName", "请填写姓名，最多 100 个字符");
		}
		var department = requireDepartment(actor, request.departmentId(), "departmentId");
		var roles = checkAssignable(actor, request.roles());
		if (rows.usernameTaken(request.username())) {
			throw new InvalidFieldException("username", "用户名「" + request.username() + "」已被占用");
		}
		String generated = null;
		var password = request.password();
		if (password == null || password.isEmpty()) {
			generated = request.serviceAccount() ? randomSecret() : Passwords.generate();
			password = generated;
		}
		else {
			Passwords.check(password, settings.passwordMinLength(), "password");
		}
		long id = rows.insert(request.username(), displayName, department.value(), encoder.encode(password),
				request.serviceAccount(), roles, OffsetDateTime.now(clock));
		audit.record(AuditRecord.of(AuditAction.USER_CREATED, "user", id, "username=" + request.username() + ", department="
				+ department + ", roles=" + roles + (request.serviceAccount() ? ", service account" : "")));
		events.publishEvent(new UserCreated(new UserId(id), request.username(), department));
		return new Created(rows.find(id).orElseThrow(), generated);
	}

	@Override
	public UserAccount setEnabled(UserId id, boolean enabled) {
		var actor = current.get();
		actor.require(Permission.USER_ADMIN);
		var user = administrable(actor, id);
		if (!enabled && user.id().equals(actor.userId())) {
			throw new ConflictException("不能停用自己的账号「" + user.username() + "」");
		}
		rows.setEnabled(id.value(), enabled);
		audit.record(AuditRecord.of(enabled ? AuditAction.USER_ENABLED : AuditAction.USER_DISABLED, "user", id, user.username()));
		return rows.find(id.value()).orElseThrow();
	}

	@Override
	public String resetPassword(UserId id, String newPassword) {
		var actor = current.get();
		actor.require(Permission.USER_ADMIN);
		var user = administrable(actor, id);
		String result = null;
		if (newPassword == null || newPassword.isEmpty()) {
			newPassword = Passwords.generate();
			result = newPassword;
		}
		else {
			Passwords.check(newPassword, settings.passwordMinLength(), "password");
		}
		rows.setPassword(id.value(), encoder.encode(newPassword), OffsetDateTime.now(clock));
		audit.record(AuditRecord.of(AuditAction.USER_PASSWORD_RESET, "user", id, user.username()));
		return result;
	}

	/** A wrong current password is audited and counts towards the lockout, so a stolen session cannot guess it. */
	@Override
	@Transactional(noRollbackFor = InvalidFieldException.class)
	public void changeOwnPassword(String currentPassword, String newPassword) {
		var actor = current.get();
		var principal = rows.principal(actor.userId().value()).orElseThrow();
		if (currentPassword == null || !encoder.matches(currentPassword, principal.getPassword())) {
			// a session is one source: guessing the current password through it locks the account
			throttle.failed(SESSION, actor.username());
			String locked = "";
			if (throttle.blocked(SESSION, actor.username()).isPresent()) {
				var until = OffsetDateTime.now(clock).plus(settings.lockDuration());
				rows.lock(actor.username(), until);
				locked = ", account locked until " + until;
			}
			audit.record(AuditRecord.of(AuditAction.PASSWORD_CHANGE_FAILED, "user", actor.userId(), "wrong current password" + locked));
			throw new InvalidFieldException("currentPassword", "当前密码不正确");
		}
		if (newPassword == null) {
			throw new InvalidFieldException("newPassword", "请填写新密码");
		}
		Passwords.check(newPassword, settings.passwordMinLength(), "newPassword");
		if (newPassword.equals(currentPassword)) {
			throw new InvalidFieldException("newPassword", "新密码不能与当前密码相同");
		}
		rows.setPassword(actor.userId().value(), encoder.encode(newPassword), OffsetDateTime.now(clock));
		audit.record(AuditRecord.of(AuditAction.PASSWORD_CHANGED, "user", actor.userId(), actor.username()));
	}

	@Override
	public UserAccount move(UserId id, DepartmentId department) {
		var actor = current.get();
		actor.require(Permission.USER_ADMIN);
		var user = administrable(actor, id);
		var target = requireDepartment(actor, department, "departmentId");
		rows.setDepartment(id.value(), target.value());
		audit.record(AuditRecord.of(AuditAction.USER_MOVED, "user", id,
				"from=" + user.departmentId() + ", to=" + target));
		return rows.find(id.value()).orElseThrow();
	}

	@Override
	public UserAccount assignRoles(UserId id, Set<Role> roles) {
		var actor = current.get();
		actor.require(Permission.USER_ADMIN);
		var user = administrable(actor, id);
		var checked = checkAssignable(actor, roles);
		if (user.id().equals(actor.userId()) && actor.roles().contains(Role.SYSTEM_ADMIN)
				&& !checked.contains(Role.SYSTEM_ADMIN)) {
			throw new ConflictException("系统管理员不能取消自己（" + user.username() + "）的系统管理员角色");
		}
		rows.replaceRoles(id.value(), checked);
		audit.record(AuditRecord.of(AuditAction.USER_ROLES_CHANGED, "user", id, "from=" + user.roles() + ", to=" + checked));
		return rows.find(id.value()).orElseThrow();
	}

	@Override
	public IssuedToken issueToken(UserId id, String name, OffsetDateTime expiresAt) {
		var actor = current.get();
		actor.require(Permission.TOKEN_ADMIN);
		var user = administrable(actor, id);
		if (name == null || name.isBlank() || name.length() > 100) {
			throw new InvalidFieldException("name", "请填写令牌名称，最多 100 个字符");
		}
		var now = OffsetDateTime.now(clock);
		if (expiresAt != null && !expiresAt.isAfter(now)) {
			throw new InvalidFieldException("expiresAt", "过期时间须晚于现在");
		}
		var secret = "ms_" + randomSecret();
		long tokenId = rows.insertToken(id.value(), name.strip(), sha256(secret), now, expiresAt);
		audit.record(AuditRecord.of(AuditAction.API_TOKEN_ISSUED, "user", id, "token=" + tokenId + ", name=" + name.strip()
				+ ", user=" + user.username()));
		return new IssuedToken(tokenId, name.strip(), secret, expiresAt);
	}

	@Override
	public void revokeToken(UserId id, long tokenId) {
		var actor = current.get();
		actor.require(Permission.TOKEN_ADMIN);
		administrable(actor, id);
		if (rows.revokeToken(id.value(), tokenId, OffsetDateTime.now(clock)) == 0) {
			throw new NotFoundException("令牌", tokenId);
		}
		audit.record(AuditRecord.of(AuditAction.API_TOKEN_REVOKED, "user", id, "token=" + tokenId));
	}

	static String sha256(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String randomSecret() {
		var bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private Optional<UserAccount> visibleOne(Actor actor, UserId id) {
		return rows.find(id.value()).filter(u -> actor.scope().includes(u.departmentId()));
	}

	private UserAccount administrable(Actor actor, UserId id) {
		var user = visibleOne(actor, id).orElseThrow(() -> new NotFoundException("用户", id));
		if (!actor.roles().contains(Role.SYSTEM_ADMIN)
				&& user.roles().stream().anyMatch(r -> !r.assignableByDepartmentAdmin())) {
			throw new AccessDeniedException("Only a system admin may change user " + user.username());
		}
		return user;
	}

	private DepartmentId requireDepartment(Actor actor, DepartmentId id, String field) {
		if (id == null) {
			throw new InvalidFieldException(field, field + " is required");
		}
		var department = departments.find(id.value())
			.filter(d -> actor.scope().includes(d.id()))
			.orElseThrow(() -> new NotFoundException("部门", id));
		if (!department.enabled()) {
			throw new InvalidFieldException(field, "部门「" + department.name() + "」已停用");
		}
		return department.id();
	}

	private static Set<Role> checkAssignable(Actor actor, Set<Role> roles) {
		if (roles == null || roles.isEmpty()) {
			throw new InvalidFieldException("roles", "用户至少需要一个角色");
		}
		if (!actor.roles().contains(Role.SYSTEM_ADMIN)) {
			for (var role : roles) {
				if (!role.assignableByDepartmentAdmin()) {
					throw new InvalidFieldException("roles", "只有系统管理员可以授予角色「" + role.label() + "」");
				}
			}
		}
		return EnumSet.copyOf(roles);
	}
}
