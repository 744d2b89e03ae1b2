package org.minsheng;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.minsheng.testsupport.Api;
import org.minsheng.testsupport.ForkedServer;
import org.minsheng.testsupport.IdentityFixture;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Nothing acknowledged is lost: the server runs in its own process, four agents register orders,
 * the server is killed with SIGKILL in the middle of their traffic (on PostgreSQL the database
 * server too), and after a restart on the same data every order that had been answered 201 is
 * there with its text and its timeline, and the audit chain verifies.
 */
class CrashSafetyTest {

	record Acknowledged(String no, String title, String content) {
	}

	@Test
	void everyAcknowledgedOrderSurvivesKillNineOnTheEmbeddedDefault() throws Exception {
		var data = Files.createTempDirectory("minsheng-crash-h2-");
		var acknowledged = new ConcurrentLinkedQueue<Acknowledged>();
		String agent;
		try (var server = ForkedServer.start(data, 1)) {
			agent = agent(server.api());
			traffic(server.api(), agent, acknowledged, server::kill);
		}
		try (var server = ForkedServer.start(data, 2)) {
			verify(server.api(), agent, acknowledged);
		}
	}

	@Test
	void everyAcknowledgedOrderSurvivesKillNineOfServerAndDatabaseOnPostgres() throws Exception {
		var data = Files.createTempDirectory("minsheng-crash-app-");
		var pgData = Files.createTempDirectory("minsheng-crash-pg-");
		var acknowledged = new ConcurrentLinkedQueue<Acknowledged>();
		var postgres = postgres(pgData, 0);
		int pgPort = postgres.getPort();
		String url;
		try (var c = java.sql.DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
				var s = c.createStatement()) {
			s.execute("create database minsheng");
			url = postgres.getJdbcUrl("postgres", "minsheng");
		}
		String agent;
		var database = new String[] { "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
				"--spring.datasource.password=" };
		try (var server = ForkedServer.start(data, 1, database)) {
			agent = agent(server.api());
			traffic(server.api(), agent, acknowledged, () -> {
				killPostmaster(pgData);
				server.kill();
			});
		}
		// the old server is gone without a word (closing its handle only lets go of the folder's lock);
		// a new one recovers from its write-ahead log
		try {
			postgres.close();
		}
		catch (Exception alreadyDead) {
			// pg_ctl finds no server to stop
		}
		postgres = postgres(pgData, pgPort);
		try (var server = ForkedServer.start(data, 2, database)) {
			verify(server.api(), agent, acknowledged);
		}
		finally {
			postgres.close();
		}
	}

	/** An agent of the center, made through the API as an administrator would. */
	static String agent(Api api) {
		var name = IdentityFixture.unique("crashagent");
		var given = new IdentityFixture(api);
		given.user(name, given.rootId(), "AGENT");
		return name;
	}

	interface Kill {
		void now() throws Exception;
	}

	/** Four agents register orders until the kill, which comes while they are at it. */
	static void traffic(Api api, String agent, ConcurrentLinkedQueue<Acknowledged> acknowledged, Kill kill)
			throws Exception {
		var stop = new AtomicBoolean();
		var writers = new ArrayList<Thread>();
		for (int w = 0; w < 4; w++) {
			int writer = w;
			writers.add(Thread.ofPlatform().start(() -> {
				var session = api.as(agent, IdentityFixture.PASSWORD);
				for (int i = 0; !stop.get(); i++) {
					var title = "停电" + writer + "-" + i;
					var content = "罗湖区东门街道" + writer + "栋" + i + "号从早上开始停电，请供电局尽快处理（第 " + i + " 件）";
					try {
						var r = session.post("/api/work-orders", order(title, content, writer, i));
						if (r.status() == 201) acknowledged.add(new Acknowledged(r.json().get("no").asString(), title, content));
					}
					catch (RuntimeException killedMeanwhile) {
						// the server went away with this request: it was never acknowledged
					}
				}
			}));
		}
		var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (acknowledged.size() < 200 && System.nanoTime() < deadline) Thread.sleep(50);
		kill.now();
		stop.set(true);
		for (var t : writers) t.join();
		assertThat(acknowledged.size()).as("orders acknowledged before the kill").isGreaterThanOrEqualTo(200);
	}

	static Map<String, Object> order(String title, String content, int writer, int i) {
		var body = new HashMap<String, Object>();
		body.put("channel", "PHONE");
		body.put("requestType", "COMPLAINT");
		body.put("urgency", "NORMAL");
		body.put("title", title);
		body.put("content", content);
		body.put("divisionCode", "440303003");
		body.put("callerPhone", "139" + String.format("%02d%06d", writer, i));
		return body;
	}

	static void verify(Api api, String agent, ConcurrentLinkedQueue<Acknowledged> acknowledged) {
		var session = api.as(agent, IdentityFixture.PASSWORD);
		List<String> lost = new ArrayList<>();
		for (var a : acknowledged) {
			var r = session.get("/api/work-orders/" + a.no());
			if (r.status() != 200) {
				lost.add(a.no());
				continue;
			}
			assertThat(r.json().get("title").asString()).isEqualTo(a.title());
			assertThat(r.json().get("content").asString()).isEqualTo(a.content());
			var timeline = session.get("/api/work-orders/" + a.no() + "/timeline").json();
			assertThat(timeline.get(0).get("action").asString()).as(a.no()).isEqualTo("REGISTERED");
		}
		assertThat(lost).as("acknowledged orders missing after the restart, of " + acknowledged.size()).isEmpty();
		var verification = api.admin().post("/api/audit/verification", null);
		assertThat(verification.status()).isEqualTo(200);
		assertThat(verification.json().get("intact").asBoolean()).as(verification.body()).isTrue();
	}

	/**
	 * A PostgreSQL server of its own on a data folder that outlives it (port 0: any free one), with
	 * the embedded server's own test setting {@code synchronous_commit = off}: the platform's
	 * connections must make their commits durable by themselves.
	 */
	static EmbeddedPostgres postgres(Path dataDir, int port) throws Exception {
		return EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(false)
			.setPort(port)
			.setPGStartupWait(Duration.ofSeconds(60))
			.setRegisterShutdownHook(false)
			.start();
	}

	/** SIGKILL to the postmaster and its backends, as a crash of the database machine's process would. */
	static void killPostmaster(Path dataDir) throws Exception {
		long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).getFirst().strip());
		var postmaster = ProcessHandle.of(pid).orElseThrow();
		var children = postmaster.descendants().toList();
		postmaster.destroyForcibly();
		children.forEach(ProcessHandle::destroyForcibly);
		postmaster.onExit().get();
		for (var child : children) child.onExit().get();
	}
}
