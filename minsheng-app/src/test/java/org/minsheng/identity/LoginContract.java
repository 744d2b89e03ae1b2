package org.minsheng.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.minsheng.audit.AuditTrail;
import org.minsheng.testsupport.ApplicationTest;
import org.minsheng.testsupport.IdentityFixture;
import org.springframework.beans.factory.annotation.Autowired;

abstract class LoginContract extends ApplicationTest {

	@Autowired
	AuditTrail trail;

	@Test
	void fiveFailedLoginsLockTheAccountEvenAgainstTheRightPassword() {
		var username = IdentityFixture.unique("locked");
		given.user(username, given.rootId(), "AGENT");

		given.lockOut(username);
		var refused = api.as(username, IdentityFixture.PASSWORD).get("/api/me");

		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(count("select count(*) from audit_entry where action = 'LOGIN_FAILED' and actor = ?", username))
			.isEqualTo(6);
		assertThat(count("select count(*) from audit_entry where action = 'LOGIN_FAILED' and actor = ?"
				+ " and detail like '%locked until%'", username)).isEqualTo(1);
		assertThat(count("select count(*) from audit_entry where action = 'LOGIN_FAILED' and actor = ?"
				+ " and detail like '%account locked%'", username)).isEqualTo(2);
	}

	@Test
	void aLockEndsAfterItsTime() {
		var username = IdentityFixture.unique("relock");
		given.user(username, given.rootId(), "AGENT");
		given.lockOut(username);
		jdbc.update("update app_user set locked_until = ? where username = ?",
				java.time.OffsetDateTime.now().minusSeconds(1), username);

		assertThat(api.as(username, IdentityFixture.PASSWORD).get("/api/me").status()).isEqualTo(200);
	}

	@Test
	void successfulLoginIsAuditedWithItsSource() {
		var username = IdentityFixture.unique("audited");
		given.user(username, given.rootId(), "ANALYST");

		assertThat(api.as(username, IdentityFixture.PASSWORD).get("/api/me").status()).isEqualTo(200);

		var entry = jdbc.queryForMap("select action, source, detail from audit_entry where actor = ? and action = 'LOGIN'",
				username);
		assertThat(entry).containsEntry("source", "127.0.0.1").containsEntry("detail", "channel=password");
	}

	@Test
	void passwordsAreStoredAsArgon2Hashes() {
		var username = IdentityFixture.unique("hashed");
		given.user(username, given.rootId(), "ANALYST");

		var hash = jdbc.queryForObject("select password_hash from app_user where username = ?", String.class, username);

		assertThat(hash).startsWith("{argon2}$argon2id$").doesNotContain(IdentityFixture.PASSWORD);
	}

	@Test
	void serviceAccountsUseApiTokensThatCanBeRevoked() {
		var username = IdentityFixture.unique("svc");
		var created = api.admin()
			.post("/api/users", Map.of("username", username, "displayName", "对接系统", "departmentId", given.rootId(),
					"roles", List.of("ANALYST"), "serviceAccount", true));
		assertThat(created.status()).isEqualTo(201);
		long id = created.json().get("user").get("id").asLong();
		var issued = api.admin().post("/api/users/" + id + "/tokens", Map.of("name", "数据对接"));
		assertThat(issued.status()).isEqualTo(201);
		var token = issued.json().get("token").asString();
		assertThat(token).startsWith("ms_");

		var me = api.withToken(token).get("/api/me");
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("username").asString()).isEqualTo(username);
		assertThat(api.as(username, created.json().get("generatedPassword").asString()).get("/api/me").status())
			.as("service accounts have no password login")
			.isEqualTo(401);
		assertThat(count("select count(*) from api_token where token_hash like ?", "%" + token.substring(3, 12) + "%"))
			.as("only the hash is stored")
			.isZero();

		assertThat(api.admin().delete("/api/users/" + id + "/tokens/" + issued.json().get("id").asLong()).status())
			.isEqualTo(204);
		assertThat(api.withToken(token).get("/api/me").status()).isEqualTo(401);
		assertThat(api.withToken("ms_made_up").get("/api/me").status()).isEqualTo(401);
	}

	@Test
	void usersChangeTheirOwnPasswordGivingTheCurrentOne() {
		var username = IdentityFixture.unique("self");
		given.user(username, given.rootId(), "ANALYST");
		var user = api.as(username, IdentityFixture.PASSWORD);

		var wrong = user.post("/api/me/password", Map.of("currentPassword", "not-it-123", "newPassword", "Brand-new-2026"));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.json().get("field").asString()).isEqualTo("currentPassword");
		var weak = user.post("/api/me/password", Map.of("currentPassword", IdentityFixture.PASSWORD, "newPassword", "short"));
		assertThat(weak.json().get("field").asString()).isEqualTo("newPassword");

		assertThat(user.post("/api/me/password",
				Map.of("currentPassword", IdentityFixture.PASSWORD, "newPassword", "Brand-new-2026")).status())
			.isEqualTo(204);
		assertThat(api.as(username, "Brand-new-2026").get("/api/me").status()).isEqualTo(200);
		assertThat(api.as(username, IdentityFixture.PASSWORD).get("/api/me").status()).isEqualTo(401);
		assertThat(count("select count(*) from audit_entry where action = 'PASSWORD_CHANGED' and actor = ?", username))
			.isEqualTo(1);
		assertThat(count("select count(*) from audit_entry where action = 'PASSWORD_CHANGE_FAILED' and actor = ?",
				username)).isEqualTo(1);
	}

	@Test
	void apiWithoutCredentialsAsksForThem() {
		var response = api.anonymous().get("/api/users");

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}
}
