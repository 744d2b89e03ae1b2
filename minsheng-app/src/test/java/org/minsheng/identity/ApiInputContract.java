package org.minsheng.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.minsheng.testsupport.Api;
import org.minsheng.testsupport.ApplicationTest;
import org.minsheng.testsupport.IdentityFixture;

/** Bad input gets a clear problem+json 400 naming the field, never a 500, and nothing is written. */
abstract class ApiInputContract extends ApplicationTest {

	void assertRejected(Api.Response response, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		if (field != null) {
			assertThat(response.json().get("field").asString()).isEqualTo(field);
		}
	}

	@Test
	void rejectsBadInputWithTheFailingFieldAndWritesNothing() {
		long root = given.rootId();
		long departments = count("select count(*) from department");
		long audits = count("select count(*) from audit_entry where action = 'DEPARTMENT_CREATED'");
		var admin = api.admin();

		assertRejected(admin.send("POST", "/api/departments", "{\"name\": \"x\", "), null);
		assertRejected(admin.send("POST", "/api/departments", "[1,2]"), null);
		assertRejected(admin.post("/api/departments", Map.of("name", "x", "type", "BUREAU", "parentId", root,
				"color", "red")), "color");
		assertRejected(admin.post("/api/departments", Map.of("name", "长".repeat(101), "type", "BUREAU",
				"parentId", root)), "name");
		assertRejected(admin.post("/api/departments", Map.of("name", "x", "type", "BUREAU", "parentId", "abc")),
				"parentId");
		assertRejected(admin.post("/api/departments", Map.of("name", "x", "type", "PALACE", "parentId", root)),
				"type");
		assertRejected(admin.post("/api/departments", Map.of("type", "BUREAU", "parentId", root)), "name");
		assertRejected(admin.post("/api/departments", Map.of("name", "x", "type", "BUREAU", "parentId", root,
				"divisionCode", "12345")), "divisionCode");
		assertRejected(admin.post("/api/departments", Map.of("name", "x", "type", "BUREAU", "parentId", root,
				"divisionCode", "990000")), "divisionCode");
		assertRejected(admin.post("/api/users", Map.of("username", "a b", "displayName", "x", "departmentId", root,
				"roles", List.of("AGENT"))), "username");
		assertRejected(admin.post("/api/users", Map.of("username", IdentityFixture.unique("u"), "displayName", "x",
				"departmentId", root, "roles", List.of("AGENT"), "password", "short1")), "password");
		assertRejected(admin.post("/api/users", Map.of("username", IdentityFixture.unique("u"), "displayName", "x",
				"departmentId", root, "roles", List.of("KING"))), "roles[0]");
		assertRejected(admin.get("/api/users/abc"), "id");

		assertThat(count("select count(*) from department")).isEqualTo(departments);
		assertThat(count("select count(*) from audit_entry where action = 'DEPARTMENT_CREATED'")).isEqualTo(audits);
	}

	@Test
	void aPathAMethodOrAContentTypeTheApiDoesNotHaveIsAProblemInChineseToo() {
		var admin = api.admin();

		var noPath = admin.get("/api/no-such-thing");
		assertThat(noPath.status()).isEqualTo(404);
		assertThat(noPath.contentType()).startsWith("application/problem+json");
		assertThat(noPath.json().get("title").asString()).isEqualTo("接口不存在");
		assertThat(noPath.json().get("detail").asString()).contains("GET /api/no-such-thing");

		var wrongMethod = admin.send("POST", "/api/work-orders/import", Map.of("rows", List.of()));
		assertThat(wrongMethod.status()).isEqualTo(405);
		assertThat(wrongMethod.contentType()).startsWith("application/problem+json");
		assertThat(wrongMethod.json().get("title").asString()).isEqualTo("请求方法不支持");
		assertThat(wrongMethod.json().get("detail").asString()).contains("POST");

		var wrongType = admin.sendAs("POST", "/api/departments", "text/plain", "城管局");
		assertThat(wrongType.status()).isEqualTo(415);
		assertThat(wrongType.contentType()).startsWith("application/problem+json");
		assertThat(wrongType.json().get("title").asString()).isEqualTo("内容类型不支持");

		// the console keeps its own page for a path it does not have
		var page = api.console("admin", Api.ADMIN_PASSWORD).get("/console/no-such-page");
		assertThat(page.status()).isEqualTo(404);
		assertThat(page.contentType()).startsWith("text/html");
	}

	@Test
	void aRequestOfTheWrongShapeIsRefusedInChinese() {
		var response = api.admin().post("/api/users", Map.of("username", "a", "displayName", "某人", "departmentId",
				given.rootId(), "roles", List.of("AGENT")));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("field").asString()).isEqualTo("username");
		assertThat(response.json().get("errors").get(0).get("message").asString()).isEqualTo("个数必须在2和64之间");
	}

	@Test
	void unknownRecordsAreNotFound() {
		var response = api.admin().get("/api/users/987654321");

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.json().get("detail").asString()).isEqualTo("找不到用户「987654321」");
	}

	@Test
	void concurrentDuplicatesLeaveOneDepartmentAndOneAuditEntry() throws Exception {
		long root = given.rootId();
		var name = IdentityFixture.unique("并发部门");
		var tasks = new ArrayList<Callable<Integer>>();
		for (int i = 0; i < 8; i++) {
			tasks.add(() -> api.admin()
				.post("/api/departments", Map.of("name", name, "type", "BUREAU", "parentId", root))
				.status());
		}
		List<Integer> statuses;
		try (var pool = Executors.newFixedThreadPool(8)) {
			statuses = pool.invokeAll(tasks).stream().map(f -> {
				try {
					return f.get();
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
			}).toList();
		}

		assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
		assertThat(statuses).allMatch(s -> s == 201 || s == 400 || s == 409);
		assertThat(count("select count(*) from department where name = ?", name)).isEqualTo(1);
		assertThat(count("select count(*) from audit_entry where action = 'DEPARTMENT_CREATED' and detail like ?",
				"name=" + name + ",%")).isEqualTo(1);
	}

	@Test
	void publishesAnOpenApiDocument() {
		var doc = api.anonymous().get("/v3/api-docs").json();

		assertThat(doc.get("openapi").asString()).startsWith("3.");
		assertThat(doc.get("info").get("title").asString()).isEqualTo("Minsheng 民声 API");
		assertThat(doc.get("components").get("securitySchemes").has("token")).isTrue();
		assertThat(doc.get("paths").has("/api/users")).isTrue();
		assertThat(doc.get("paths").has("/api/departments")).isTrue();
	}
}
