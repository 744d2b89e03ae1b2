package org.minsheng.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.minsheng.testsupport.ApplicationTest;
import org.minsheng.testsupport.IdentityFixture;
import org.springframework.beans.factory.annotation.Autowired;

/** The audit trail's hash chain, on each database. Tampering is always undone before a test ends. */
abstract class AuditChainContract extends ApplicationTest {

	@Autowired
	AuditTrail trail;

	@Test
	void everyChangeIsAuditedAndSealedIntoAnIntactChain() {
		var name = IdentityFixture.unique("审计测试部门");
		long id = given.department(name, "BUREAU", given.rootId(), null);

		var result = trail.verify();

		assertThat(result.intact()).as(result.problem()).isTrue();
		assertThat(result.unsealed()).isZero();
		var entry = jdbc.queryForMap("select actor, action, source, seq, hash from audit_entry"
				+ " where target_type = 'department' and target_id = ?", String.valueOf(id));
		assertThat(entry).containsEntry("actor", "admin").containsEntry("action", "DEPARTMENT_CREATED");
		assertThat(entry.get("source")).isEqualTo("127.0.0.1");
		assertThat(entry.get("hash")).asString().hasSize(64);
	}

	@Test
	void verifierNamesTheFirstEntryChangedAfterSealing() {
		given.department(IdentityFixture.unique("篡改测试"), "BUREAU", given.rootId(), null);
		trail.seal();
		long seq = count("select max(seq) from audit_entry") - 1;
		var original = jdbc.queryForObject("select detail from audit_entry where seq = ?", String.class, seq);
		try {
			jdbc.update("update audit_entry set detail = 'forged' where seq = ?", seq);

			var result = trail.verify();

			assertThat(result.intact()).isFalse();
			assertThat(result.firstBrokenSeq()).isEqualTo(seq);
			assertThat(result.problem()).contains("changed after it was sealed");
			var viaApi = api.admin().post("/api/audit/verification", null).json();
			assertThat(viaApi.get("intact").asBoolean()).isFalse();
			assertThat(viaApi.get("firstBrokenSeq").asLong()).isEqualTo(seq);
		}
		finally {
			jdbc.update("update audit_entry set detail = ? where seq = ?", original, seq);
		}
		assertThat(trail.verify().intact()).isTrue();
	}

	@Test
	void verifierFindsADeletedEntry() {
		given.department(IdentityFixture.unique("删除测试"), "BUREAU", given.rootId(), null);
		trail.seal();
		long seq = count("select max(seq) from audit_entry") - 1;
		Map<String, Object> row = jdbc.queryForMap("select * from audit_entry where seq = ?", seq);
		jdbc.update("delete from audit_entry where seq = ?", seq);
		try {
			var result = trail.verify();

			assertThat(result.intact()).isFalse();
			assertThat(result.firstBrokenSeq()).isEqualTo(seq);
			assertThat(result.problem()).contains("missing");
		}
		finally {
			putBack(row);
		}
		assertThat(trail.verify().intact()).isTrue();
	}

	@Test
	void verifierNoticesEntriesCutFromTheEnd() {
		given.department(IdentityFixture.unique("截断测试"), "BUREAU", given.rootId(), null);
		trail.seal();
		long last = count("select max(seq) from audit_entry");
		Map<String, Object> row = jdbc.queryForMap("select * from audit_entry where seq = ?", last);
		jdbc.update("delete from audit_entry where seq = ?", last);
		try {
			var result = trail.verify();

			assertThat(result.intact()).isFalse();
			assertThat(result.problem()).contains("removed from the end");
		}
		finally {
			putBack(row);
		}
		assertThat(trail.verify().intact()).isTrue();
	}

	/** Undoes a deletion of a sealed entry, exactly as it was. */
	void putBack(Map<String, Object> row) {
		jdbc.update("insert into audit_entry (id, seq, occurred_at, actor, action, target_type, target_id, source,"
				+ " detail, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row.get("id"), row.get("seq"),
				row.get("occurred_at"), row.get("actor"), row.get("action"), row.get("target_type"),
				row.get("target_id"), row.get("source"), row.get("detail"), row.get("prev_hash"), row.get("hash"));
	}

	@Test
	void auditLogCanBeFilteredByActorActionAndTarget() {
		var name = IdentityFixture.unique("筛选测试");
		long id = given.department(name, "BUREAU", given.rootId(), null);

		var page = api.admin().get("/api/audit?actor=admin&action=DEPARTMENT_CREATED&targetType=department&targetId=" + id)
			.json();

		assertThat(page.get("total").asLong()).isEqualTo(1);
		assertThat(page.get("items").get(0).get("detail").asString()).contains(name);
	}

	@Test
	void onlyAuditReadersMayReadTheLog() {
		var username = IdentityFixture.unique("agent");
		given.user(username, given.rootId(), "AGENT");

		assertThat(api.as(username, IdentityFixture.PASSWORD).get("/api/audit").status()).isEqualTo(403);
		assertThat(api.as(username, IdentityFixture.PASSWORD).post("/api/audit/verification", null).status())
			.isEqualTo(403);
	}
}
