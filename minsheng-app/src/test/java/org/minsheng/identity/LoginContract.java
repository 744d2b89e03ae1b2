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
	void manyWrongPasswordsFromManySourcesLockTheAccountEvenAgainstTheRightPassword() {
		var username = IdentityFixture.unique("locked");
		given.user(username, given.rootId(), "AGENT");

		given.lockOut(username);
		var refused = api.as(username, IdentityFixture.PASSWORD).get("/api/me");

		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(count("select count(*) from audit_entry where action = 'LOGIN_FAILED' and actor = ?", username))
			.isEqualTo(51);
		assertThat(count("select count(*) from audit_entry where action = 'LOGIN_FAILED' and actor = ?"
				+ " and detail like '%locked until%'", username)).isEqualTo(1);
		assertThat(count("select count(*) from audit_entry where action = 'LOGIN_FAILED' and actor = ?"
				+ " and detail like '%account locked%'", username)).isEqualTo(2);
		assertThat(count("select count(distinct source) from audit_entry where action = 'LOGIN_FAILED' and actor = ?",
				username)).isEqualTo(6);
	}

	/**
	 * Six wrong passwords used to lock anyone out for 15 minutes. Now the guessing address is slowed
	 * down and then refused, while the person signs in from another address, by form and by Basic,
	 * and the account's API token keeps working.
	 */
	@Test
	void oneGuessingAddressIsHeldBackWhileThePersonGoesOnFromAnother() {
		var username = IdentityFixture.unique("target");
		long id = given.user(username, given.rootId(), "SUPERVISOR");
		var token = api.admin().post("/api/users/" + id + "/tokens", Map.of("name", "值班脚本"));
		assertThat(token.status()).isEqualTo(201);
		var attacker = api.from("127.0.0.2").as(username, "wrong-Passw0rd");
		for (int i = 0; i < 10; i++) {
			assertThat(attacker.get("/api/me").status()).isEqualTo(401);
		}

		var held = attacker.get("/api/me");
		assertThat(held.status()).isEqualTo(429);
		assertThat(held.contentType()).startsWith("application/problem+json");
		assertThat(held.json().get("detail").asString()).contains("分钟后再试");
		assertThat(api.from("127.0.0.2").as(username, IdentityFixture.PASSWORD).get("/api/me").status())
			.as("the right password from the guessing address").isEqualTo(429);

		var person = api.from("127.0.0.3");
		assertThat(person.as(username, IdentityFixture.PASSWORD).get("/api/me").status()).isEqualTo(200);
		assertThat(person.console(username, IdentityFixture.PASSWORD).get("/").status()).isEqualTo(200);
		assertThat(api.from("127.0.0.2").withToken(token.json().get("token").asString()).get("/api/me").status())
			.as("an API token from the guessing address").isEqualTo(200);
		assertThat(jdbc.queryForObject("select locked_until from app_user where username = ?", Object.class, username))
			.isNull();
	}

	/** Password spraying: one address trying many accounts is refused for all of them. */
	@Test
	void anAddressTryingManyAccountsIsRefusedForEveryAccount() {
		var username = IdentityFixture.unique("sprayed");
		given.user(username, given.rootId(), "AGENT");
		var sprayer = api.from("127.0.0.4");
		for (int i = 0; i < 50; i++) {
			assertThat(sprayer.as(IdentityFixture.unique("nobody"), "Spring2026!").get("/api/me").status()).isEqualTo(401);
		}
		assertThat(sprayer.as(username, IdentityFixture.PASSWORD).get("/api/me").status()).isEqualTo(429);
		assertThat(api.from("127.0.0.5").as(username, IdentityFixture.PASSWORD).get("/api/me").status()).isEqualTo(200);
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
	void aPersonsSignInIsAuditedWithItsSourceAndAnApiRequestIsNotALogin() {
		var username = IdentityFixture.unique("audited");
		given.user(username, given.rootId(), "ANALYST");

		for (int i = 0; i < 3; i++) {
			assertThat(api.as(username, IdentityFixture.PASSWORD).get("/api/me").status()).isEqualTo(200);
		}
		assertThat(count("select count(*) from audit_entry where actor = ? and action = 'LOGIN'", username)).isZero();

		api.from("127.0.0.6").console(username, IdentityFixture.PASSWORD);
		var entry = jdbc.queryForMap("select action, source, detail from audit_entry where actor = ? and action = 'LOGIN'",
				username);
		assertThat(entry).containsEntry("source", "127.0.0.6").containsEntry("detail", "channel=console");
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
