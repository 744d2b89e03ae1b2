package org.minsheng.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds departments and users through the API, with names unique within a shared test context. */
public final class IdentityFixture {

	public static final String PASSWORD = "Passw0rd-2026";

	private static final AtomicInteger SEQ = new AtomicInteger();

	private final Api api;

	public IdentityFixture(Api api) {
		this.api = api;
	}

	public static String unique(String prefix) {
		return prefix + System.nanoTime() % 100_000 + "_" + SEQ.incrementAndGet();
	}

	public long rootId() {
		return api.admin().get("/api/departments").json().get(0).get("id").asLong();
	}

	public long department(String name, String type, long parentId, String divisionCode) {
		var body = new java.util.HashMap<String, Object>();
		body.put("name", name);
		body.put("type", type);
		body.put("parentId", parentId);
		if (divisionCode != null) {
			body.put("divisionCode", divisionCode);
		}
		var r = api.admin().post("/api/departments", body);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.id();
	}

	/** Five wrong passwords in a row, which lock the account. */
	/**
	 * Locks the account as only a spread attack does: ten wrong passwords from each of five
	 * addresses (127.0.0.11 to 127.0.0.15). One source alone never locks an account.
	 */
	public void lockOut(String username) {
		for (int source = 11; source <= 15; source++) {
			var attacker = api.from("127.0.0." + source).as(username, "wrong-Passw0rd");
			for (int i = 0; i < 10; i++) {
				assertThat(attacker.get("/api/me").status()).isEqualTo(401);
			}
		}
	}

	/** Creates a user with {@link #PASSWORD}; returns its id. */
	public long user(String username, long departmentId, String... roles) {
		var r = api.admin()
			.post("/api/users", Map.of("username", username, "displayName", "测试 " + username, "departmentId",
					departmentId, "roles", List.of(roles), "password", PASSWORD));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("user").get("id").asLong();
	}
}
