package org.minsheng.demo;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.minsheng.audit.AuditSource;
import org.minsheng.contact.ContactCenter;
import org.minsheng.identity.Department;
import org.minsheng.identity.DepartmentId;
import org.minsheng.identity.DepartmentType;
import org.minsheng.identity.Departments;
import org.minsheng.identity.Role;
import org.minsheng.identity.RunAs;
import org.minsheng.identity.Users;
import org.minsheng.region.DivisionCode;
import org.minsheng.region.DivisionLevel;
import org.minsheng.region.Divisions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the department tree of one real city from the division data: its districts with every
 * street, the city's functional bureaus, a few bureaus per district, and one user for every role
 * with a generated password printed once. Runs only on an empty tree (just the center).
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "minsheng.command", havingValue = "serve", matchIfMissing = true)
@Order(10)
class DemoCity implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCity.class);

	static final DivisionCode CITY = new DivisionCode("4403");

	/** The source of every audit entry the demo's seeding writes, so that nobody takes it for a person's work. */
	static final String SOURCE = "演示数据（系统生成）";

	static final List<String> CITY_BUREAUS = List.of("住房和建设局", "交通运输局", "人力资源和社会保障局", "卫生健康委员会",
			"生态环境局", "教育局", "市场监督管理局", "城市管理和综合执法局", "公安局", "水务局", "规划和自然资源局");

	static final List<String> DISTRICT_BUREAUS = List.of("住房和建设局", "城市管理和综合执法局", "市场监督管理局", "教育局");

	private final Departments departments;

	private final Users users;

	private final Divisions divisions;

	private final RunAs runAs;

	private final ContactCenter contact;

	DemoCity(Departments departments, Users users, Divisions divisions, RunAs runAs,
			ContactCenter contact) {
		this.contact = contact;
		this.departments = departments;
		this.users = users;
		this.divisions = divisions;
		this.runAs = runAs;
	}

	/** One transaction: a demo city is seeded whole or not at all. */
	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		AuditSource.during(SOURCE, () -> runAs.asUser("admin", () -> {
			if (departments.visible().size() > 1) {
				return null;
			}
			seed();
			return null;
		}));
	}

	private void seed() {
		var root = departments.visible().getFirst();
		var city = divisions.find(CITY).orElseThrow();
		var cityName = city.name();
		var bureaus = new LinkedHashMap<String, Department>();
		for (var bureau : CITY_BUREAUS) {
			bureaus.put(bureau, create(cityName + bureau, DepartmentType.BUREAU, root.id(), CITY.value()));
		}
		Department firstDistrict = null;
		Department firstStreet = null;
		int streets = 0;
		for (var district : divisions.children(CITY)) {
			if (district.level() != DivisionLevel.DISTRICT) {
				continue;
			}
			var government = create(district.name() + "人民政府", DepartmentType.DISTRICT, root.id(),
					district.code().value());
			for (var bureau : DISTRICT_BUREAUS) {
				create(district.name() + bureau, DepartmentType.BUREAU, government.id(), district.code().value());
			}
			for (var street : divisions.children(district.code())) {
				var office = create(street.name() + (street.name().endsWith("街道") ? "办事处" : "人民政府"),
						DepartmentType.STREET, government.id(), street.code().value());
				streets++;
				if (firstStreet == null) {
					firstStreet = office;
				}
			}
			if (firstDistrict == null) {
				firstDistrict = government;
			}
		}
		var housing = bureaus.get("住房和建设局");
		var accounts = new ArrayList<String>();
		accounts.add(account("agent01", "话务员 李娜", root.id(), Role.AGENT));
		accounts.add(account("dispatcher01", "派单员 王强", root.id(), Role.DISPATCHER));
		accounts.add(account("supervisor01", "值班长 陈静", root.id(), Role.SUPERVISOR));
		accounts.add(account("inspector01", "质检员 赵敏", root.id(), Role.QUALITY_INSPECTOR));
		accounts.add(account("analyst01", "分析员 刘洋", root.id(), Role.ANALYST));
		accounts.add(account("leader01", "中心领导 张明", root.id(), Role.LEADER));
		accounts.add(account("sysadmin01", "系统管理员 周涛", root.id(), Role.SYSTEM_ADMIN));
		accounts.add(account("district01", "部门管理员 孙磊（" + firstDistrict.name() + "）", firstDistrict.id(),
				Role.DEPARTMENT_ADMIN));
		accounts.add(account("street01", "承办人 吴芳（" + firstStreet.name() + "）", firstStreet.id(), Role.HANDLER));
		accounts.add(account("housing01", "承办人 郑伟（" + housing.name() + "）", housing.id(), Role.HANDLER));
		// agent01's softphone: register extension 8001 in realm "minsheng" at the engine's address
		var sipPassword = HexFormat.of().formatHex(java.security.SecureRandom.getSeed(6));
		contact.saveAgent("agent01", new ContactCenter.AgentAccount("8001", sipPassword,
				Map.of("政策咨询", 4, "投诉举报", 3)));
		accounts.add("%-14s %-12s %s".formatted("  SIP 8001", sipPassword, "话机（坐席 agent01，分机 8001，域 minsheng）"));
		log.warn("""

				==================================================================
				  演示数据 Demo city: {} — {} departments ({} streets)
				  Demo users (passwords shown only once):
				    {}
				==================================================================""", cityName,
				departments.visible().size(), streets, String.join("\n    ", accounts));
	}

	private Department create(String name, DepartmentType type, DepartmentId parent, String division) {
		return departments.create(new Departments.NewDepartment(name, type, parent, division));
	}

	private String account(String username, String displayName, DepartmentId department, Role role) {
		var created = users.create(new Users.NewUser(username, displayName, department, Set.of(role), null, false));
		return "%-14s %-12s %s".formatted(username, created.generatedPassword(), role.label());
	}

}
