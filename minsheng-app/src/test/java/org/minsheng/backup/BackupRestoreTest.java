package org.minsheng.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.minsheng.MinshengApplication;
import org.minsheng.testsupport.Api;
import org.minsheng.testsupport.EmbeddedPostgresSupport;
import org.minsheng.testsupport.ForkedServer;
import org.minsheng.testsupport.IdentityFixture;

/**
 * Backup and restore as an operator runs them: a server holds real data (orders with callers'
 * phones, a photo, a citizen), {@code backup <dir>} is taken while it serves, the restore goes into
 * an empty data folder and database and verifies itself, and a server started on the restored data
 * shows the same orders, the same photo and an intact audit chain. On H2, on PostgreSQL, and from
 * a laptop's H2 into PostgreSQL.
 */
class BackupRestoreTest {

	record Held(String agent, String no, String content, long photoId, byte[] photo) {
	}

	@Test
	void aBackupOfTheEmbeddedDefaultTakenWhileItServesRestoresIntoAnEmptyFolder() throws Exception {
		var original = Files.createTempDirectory("minsheng-backup-h2-");
		var backup = Files.createTempDirectory("minsheng-backups-").resolve("nightly");
		Held held;
		try (var server = ForkedServer.start(original, 1)) {
			held = data(server.api());
			assertThat(BackupCommands.backup(backup, "--minsheng.data-dir=" + original)).isZero();
			// the server goes on serving after the backup
			assertThat(server.api().as(held.agent(), IdentityFixture.PASSWORD).get("/api/work-orders/" + held.no()).status())
				.isEqualTo(200);
		}
		assertThat(backup.resolve("manifest.json")).exists();
		assertThat(Files.readString(backup.resolve("manifest.json"))).contains("work_order").contains("keys/");

		var restored = Files.createTempDirectory("minsheng-restored-h2-");
		assertThat(MinshengApplication.runRestore(backup, "--minsheng.data-dir=" + restored)).isZero();
		try (var server = ForkedServer.start(restored, 1)) {
			same(server.api(), held);
		}

		// a second restore into the now filled folder is refused and changes nothing
		assertThat(MinshengApplication.runRestore(backup, "--minsheng.data-dir=" + restored)).isEqualTo(1);
	}

	@Test
	void aBackupOnPostgresRestoresIntoAnEmptyDatabaseAndALaptopsBackupMovesToPostgres() throws Exception {
		var original = Files.createTempDirectory("minsheng-backup-pg-");
		var backup = Files.createTempDirectory("minsheng-backups-").resolve("pg");
		var url = EmbeddedPostgresSupport.newDatabase();
		var database = new String[] { "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
				"--spring.datasource.password=" };
		Held held;
		try (var server = ForkedServer.start(original, 1, database)) {
			held = data(server.api());
			assertThat(BackupCommands.backup(backup, with(database, "--minsheng.data-dir=" + original))).isZero();
		}
		var restored = Files.createTempDirectory("minsheng-restored-pg-");
		var empty = new String[] { "--spring.datasource.url=" + EmbeddedPostgresSupport.newDatabase(),
				"--spring.datasource.username=postgres", "--spring.datasource.password=" };
		assertThat(MinshengApplication.runRestore(backup, with(empty, "--minsheng.data-dir=" + restored))).isZero();
		try (var server = ForkedServer.start(restored, 1, empty)) {
			same(server.api(), held);
		}

		// the embedded default's backup, restored into PostgreSQL: a laptop's center moves to a server
		var laptop = Files.createTempDirectory("minsheng-laptop-");
		var laptopBackup = Files.createTempDirectory("minsheng-backups-").resolve("laptop");
		Held onLaptop;
		try (var server = ForkedServer.start(laptop, 1)) {
			onLaptop = data(server.api());
		}
		assertThat(BackupCommands.backup(laptopBackup, "--minsheng.data-dir=" + laptop)).as("offline backup").isZero();
		var moved = Files.createTempDirectory("minsheng-moved-");
		var target = new String[] { "--spring.datasource.url=" + EmbeddedPostgresSupport.newDatabase(),
				"--spring.datasource.username=postgres", "--spring.datasource.password=" };
		assertThat(MinshengApplication.runRestore(laptopBackup, with(target, "--minsheng.data-dir=" + moved))).isZero();
		try (var server = ForkedServer.start(moved, 1, target)) {
			same(server.api(), onLaptop);
		}
	}

	static String[] with(String[] args, String more) {
		var out = java.util.Arrays.copyOf(args, args.length + 1);
		out[args.length] = more;
		return out;
	}

	/** Orders with phones, a citizen, a reply photo: what a center would miss after a bad restore. */
	static Held data(Api api) {
		var given = new IdentityFixture(api);
		var root = given.rootId();
		var tag = IdentityFixture.unique("");
		long district = given.department("南山区" + tag, "DISTRICT", root, "440305");
		var agent = IdentityFixture.unique("bkagent");
		given.user(agent, root, "AGENT");
		var dispatcher = IdentityFixture.unique("bkdisp");
		given.user(dispatcher, root, "DISPATCHER");
		var handler = IdentityFixture.unique("bkhandler");
		given.user(handler, district, "HANDLER");
		var a = api.as(agent, IdentityFixture.PASSWORD);
		String no = null;
		String content = null;
		for (int i = 0; i < 20; i++) {
			var body = new HashMap<String, Object>();
			body.put("channel", "PHONE");
			body.put("requestType", "COMPLAINT");
			body.put("urgency", "NORMAL");
			body.put("title", "路灯不亮 " + i);
			content = "南山区南头街道中山路 " + i + " 号门口路灯坏了三天，晚上很黑，请尽快维修。";
			body.put("content", content);
			body.put("callerPhone", "13800" + String.format("%06d", i));
			body.put("callerName", "张" + i);
			var r = a.post("/api/work-orders", body);
			assertThat(r.status()).as(r.body()).isEqualTo(201);
			no = r.json().get("no").asString();
		}
		assertThat(a.post("/api/citizens", Map.of("name", "李市民", "phones", List.of(Map.of("number", "13912345678"))))
			.status()).isEqualTo(201);
		var d = api.as(dispatcher, IdentityFixture.PASSWORD);
		var dispatched = d.post("/api/work-orders/" + no + "/dispatch", Map.of("leadDepartmentId", district));
		assertThat(dispatched.status()).as(dispatched.body()).isEqualTo(200);
		var h = api.as(handler, IdentityFixture.PASSWORD);
		assertThat(h.post("/api/work-orders/" + no + "/sign", null).status()).isEqualTo(200);
		var photo = ("\u0089PNG 修复后的路灯 " + tag).getBytes(StandardCharsets.UTF_8);
		var uploaded = h.upload("/api/work-orders/" + no + "/attachments", "修复后.png", photo);
		assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
		return new Held(agent, no, content, uploaded.json().get("id").asLong(), photo);
	}

	/** The restored platform shows what the original held. */
	static void same(Api api, Held held) {
		var a = api.as(held.agent(), IdentityFixture.PASSWORD);
		var order = a.get("/api/work-orders/" + held.no());
		assertThat(order.status()).isEqualTo(200);
		assertThat(order.json().get("content").asString()).isEqualTo(held.content());
		assertThat(order.json().get("caller").get("phone").asString()).isEqualTo("138****0019");
		assertThat(order.json().get("state").asString()).isEqualTo("IN_PROGRESS");
		assertThat(a.bytes("/api/work-orders/" + held.no() + "/attachments/" + held.photoId())).isEqualTo(held.photo());
		var verification = api.admin().post("/api/audit/verification", null);
		assertThat(verification.json().get("intact").asBoolean()).as(verification.body()).isTrue();
		// new registrations after a restore take new ids and numbers
		var body = new HashMap<String, Object>();
		body.put("channel", "WEB");
		body.put("requestType", "CONSULTATION");
		body.put("urgency", "NORMAL");
		body.put("title", "恢复后新登记");
		body.put("content", "恢复之后登记的第一件工单。");
		var fresh = a.post("/api/work-orders", body);
		assertThat(fresh.status()).as(fresh.body()).isEqualTo(201);
		assertThat(fresh.json().get("no").asString()).isNotEqualTo(held.no());
	}
}
