package org.minsheng.identity.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;

import org.minsheng.audit.AuditAction;
import org.minsheng.audit.AuditRecord;
import org.minsheng.audit.AuditTrail;
import org.minsheng.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * First start: the hotline center as the root department and the user {@code admin}. The password
 * comes from {@code MINSHENG_ADMIN_PASSWORD}; the embedded default generates one when it is unset
 * and prints it once, production refuses to start without it. There is no built-in password.
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "minsheng.command", havingValue = "serve", matchIfMissing = true)
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final UserRows users;

	private final DepartmentRows departments;

	private final DepartmentService departmentService;

	private final PasswordEncoder encoder;

	private final AuditTrail audit;

	private final IdentitySettings settings;

	private final Clock clock;

	AdminBootstrap(UserRows users, DepartmentRows departments, DepartmentService departmentService,
			PasswordEncoder encoder, AuditTrail audit, IdentitySettings settings, Clock clock) {
		this.users = users;
		this.departments = departments;
		this.departmentService = departmentService;
		this.encoder = encoder;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (users.any()) {
			return;
		}
		var password = settings.adminPassword();
		boolean generated = false;
		if (password == null || password.isBlank()) {
			if (!settings.generateAdminPassword()) {
				throw new IllegalStateException(
						"First start: set MINSHENG_ADMIN_PASSWORD to the password of the first administrator");
			}
			password = Passwords.generate();
			generated = true;
		}
		else {
			Passwords.check(password, settings.passwordMinLength(), "MINSHENG_ADMIN_PASSWORD");
		}
		var root = departments.all()
			.stream()
			.filter(d -> d.parentId() == null)
			.findFirst()
			.orElseGet(() -> departmentService.createRoot("12345政务服务便民热线中心", null));
		long id = users.insert("admin", "系统管理员", root.id().value(), encoder.encode(password), false,
				Set.of(Role.SYSTEM_ADMIN), OffsetDateTime.now(clock));
		audit.record(AuditRecord.of(AuditAction.USER_CREATED, "user", id, "username=admin, roles=[SYSTEM_ADMIN], first start")
			.by("system"));
		if (generated) {
			log.warn("""

					==================================================================
					  首次启动 First start: administrator account created
					  用户名 username: admin
					  密码 password:  {}
					  This password is shown only once. Change it after logging in.
					==================================================================""", password);
		}
		else {
			log.info("First start: administrator 'admin' created with the password from MINSHENG_ADMIN_PASSWORD");
		}
	}
}
