package org.minsheng.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minsheng.testsupport.Api;
import org.minsheng.testsupport.ApplicationTest;
import org.minsheng.testsupport.IdentityFixture;

/**
 * A department user sees and acts only on its own subtree, enforced in the queries: every API path
 * to another department's record answers 404 (or 403 where the role lacks the permission outright)
 * and changes nothing.
 */
abstract class DataScopeContract extends ApplicationTest {

	long districtA;

	long streetA1;

	long districtB;

	long userA1;

	long userB;

	String adminA;

	String handlerA1;

	@BeforeEach
	void twoDistricts() {
		long root = given.rootId();
		districtA = given.department(IdentityFixture.unique("A区人民政府"), "DISTRICT", root, "440305");
		streetA1 = given.department(IdentityFixture.unique("A1街道办事处"), "STREET", districtA, "440305001");
		districtB = given.department(IdentityFixture.unique("B区人民政府"), "DISTRICT", root, "440304");
		adminA = IdentityFixture.unique("admin_a");
		given.user(adminA, districtA, "DEPARTMENT_ADMIN");
		handlerA1 = IdentityFixture.unique("handler_a1");
		userA1 = given.user(handlerA1, streetA1, "HANDLER");
		userB = given.user(IdentityFixture.unique("handler_b"), districtB, "HANDLER");
	}

	Api.Session adminOfA() {
		return api.as(adminA, IdentityFixture.PASSWORD);
	}

	@Test
	void departmentAdminSeesOnlyItsOwnSubtree() {
		var departments = adminOfA().get("/api/departments").json();
		assertThat(departments.valueStream().map(d -> d.get("id").asLong()).toList())
			.containsExactlyInAnyOrder(districtA, streetA1);

		var users = adminOfA().get("/api/users").json();
		var ids = users.valueStream().map(u -> u.get("id").asLong()).toList();
		assertThat(ids).contains(userA1).doesNotContain(userB);
		assertThat(users.valueStream().map(u -> u.get("departmentId").asLong()))
			.allMatch(d -> d == districtA || d == streetA1);
	}

	@Test
	void departmentAdminReachesNoRecordOfAnotherDepartmentByAnyPath() {
		assertEveryPathToDepartmentBIsClosedTo(adminOfA());
	}

	@Test
	void handlerReachesNoRecordOfAnotherDepartmentByAnyPath() {
		var handler = api.as(handlerA1, IdentityFixture.PASSWORD);
		assertEveryPathToDepartmentBIsClosedTo(handler);
		for (var response : List.of(handler.get("/api/citizens?phone=13800000000"), handler.get("/api/citizens/1"),
				handler.post("/api/citizens", Map.of("name", "x")), handler.get("/api/audit"))) {
			assertThat(response.status()).as(response.body()).isEqualTo(403);
		}
	}

	private void assertEveryPathToDepartmentBIsClosedTo(Api.Session actor) {
		var b = "/api/users/" + userB;
		var deptB = "/api/departments/" + districtB;
		var attempts = List.of(
				actor.get(b),
				actor.put(b + "/enabled", Map.of("enabled", false)),
				actor.post(b + "/password", Map.of("password", "NewPassw0rd-1")),
				actor.put(b + "/department", Map.of("departmentId", districtA)),
				actor.put(b + "/roles", Map.of("roles", List.of("DEPARTMENT_ADMIN"))),
				actor.post(b + "/tokens", Map.of("name", "t")),
				actor.delete(b + "/tokens/1"),
				actor.get(deptB),
				actor.put(deptB + "/name", Map.of("name", "改名")),
				actor.put(deptB + "/parent", Map.of("parentId", districtA)),
				actor.put(deptB + "/enabled", Map.of("enabled", false)),
				actor.put("/api/departments/" + streetA1 + "/parent", Map.of("parentId", districtB)),
				actor.post("/api/departments", Map.of("name", "新科室", "type", "SECTION", "parentId", districtB)),
				actor.post("/api/users", Map.of("username", IdentityFixture.unique("x"), "displayName", "X",
						"departmentId", districtB, "roles", List.of("HANDLER"), "password", IdentityFixture.PASSWORD)),
				actor.put("/api/users/" + userA1 + "/department", Map.of("departmentId", districtB)));

		for (var response : attempts) {
			assertThat(response.status()).as(response.body()).isIn(403, 404);
			assertThat(response.contentType()).startsWith("application/problem+json");
		}
		var listed = actor.get("/api/departments").json();
		assertThat(listed.valueStream().map(d -> d.get("id").asLong())).doesNotContain(districtB);
		var userRow = jdbc.queryForMap("select enabled, department_id from app_user where id = ?", userB);
		assertThat(userRow).containsEntry("enabled", true);
		assertThat(((Number) userRow.get("department_id")).longValue()).isEqualTo(districtB);
		assertThat(count("select count(*) from department where parent_id = ?", districtB)).isZero();
		assertThat(count("select parent_id from department where id = ?", streetA1)).isEqualTo(districtA);
		assertThat(count("select department_id from app_user where id = ?", userA1)).isEqualTo(streetA1);
		assertThat(jdbc.queryForObject("select name from department where id = ?", String.class, districtB))
			.doesNotContain("改名");
	}

	@Test
	void departmentAdminManagesItsOwnSubtree() {
		var created = adminOfA().post("/api/departments",
				Map.of("name", IdentityFixture.unique("物业科"), "type", "SECTION", "parentId", streetA1));
		assertThat(created.status()).as(created.body()).isEqualTo(201);

		var disabled = adminOfA().put("/api/users/" + userA1 + "/enabled", Map.of("enabled", false));
		assertThat(disabled.status()).isEqualTo(200);
		assertThat(api.as(handlerA1, IdentityFixture.PASSWORD).get("/api/me").status()).isEqualTo(401);
	}

	@Test
	void departmentAdminCannotGrantCenterRoles() {
		var response = adminOfA().put("/api/users/" + userA1 + "/roles", Map.of("roles", List.of("SYSTEM_ADMIN")));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("field").asString()).isEqualTo("roles");
		assertThat(count("select count(*) from app_user_role where user_id = ? and role = 'SYSTEM_ADMIN'", userA1))
			.isZero();
	}

	@Test
	void handlerWithoutUserPermissionsIsRefusedOutright() {
		var handler = api.as(handlerA1, IdentityFixture.PASSWORD);

		assertThat(handler.get("/api/users").status()).isEqualTo(403);
		assertThat(handler.get("/api/users/" + userB).status()).isEqualTo(403);
		assertThat(handler.get("/api/departments/" + districtB).status()).isEqualTo(404);
		assertThat(handler.get("/api/departments/" + streetA1).status()).isEqualTo(200);
		assertThat(handler.get("/api/departments/" + districtA).status()).isEqualTo(404);
	}

	@Test
	void centerStaffSeeEveryDepartment() {
		var agent = IdentityFixture.unique("agent");
		given.user(agent, given.rootId(), "AGENT");

		var ids = api.as(agent, IdentityFixture.PASSWORD)
			.get("/api/departments")
			.json()
			.valueStream()
			.map(d -> d.get("id").asLong())
			.toList();

		assertThat(ids).contains(districtA, streetA1, districtB);
	}
}
