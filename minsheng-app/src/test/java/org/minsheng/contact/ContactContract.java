package org.minsheng.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minsheng.sip.CachingSynthesizer;
import org.minsheng.sip.EspeakSynthesizer;
import org.minsheng.sip.testkit.CallerScript;
import org.minsheng.sip.testkit.Sipp;
import org.minsheng.sip.testkit.Wav;
import org.minsheng.testsupport.Api;
import org.minsheng.testsupport.ApplicationTest;
import org.minsheng.testsupport.Eventually;
import org.minsheng.testsupport.IdentityFixture;
import org.minsheng.workorder.WorkOrderFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import tools.jackson.databind.JsonNode;

/**
 * The contact center with real SIP peers: sipp as the citizen's phone and as the agents' phones,
 * the engine inside the running application, call records read back through the API.
 */
abstract class ContactContract extends ApplicationTest {

	/**
	 * How long a citizen who is called back stays on the line: the callback's greeting, the agent's
	 * ring and a talk after it. Shorter, and on a loaded machine the citizen hangs up while the agent
	 * is still being rung.
	 */
	static final int CITIZEN_CALLED_BACK_TALKS_MILLIS = 20_000;

	@Autowired
	ContactCenter center;

	@Value("${minsheng.data-dir}")
	String dataDir;

	Api.Session supervisor;

	String skill;

	String caller;

	final List<String> signedIn = new ArrayList<>();

	@BeforeEach
	void center() {
		Sipp.assumeInstalled();
		var unique = IdentityFixture.unique("");
		given.user("sup" + unique, given.rootId(), "SUPERVISOR");
		supervisor = api.as("sup" + unique, IdentityFixture.PASSWORD);
		skill = "技能" + unique;
		caller = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
	}

	@AfterEach
	void signOut() {
		for (var agent : signedIn) {
			supervisor.post("/api/contact/agents/" + agent + "/state", Map.of("state", "LOGGED_OUT"));
		}
	}

	int sipPort() {
		return center.sipPort().orElseThrow();
	}

	record Agent(String username, String extension, String password, Api.Session session) {
	}

	/** An agent with a SIP account and the given skills (level 4), signed in. */
	Agent agent(Map<String, Integer> skills) {
		var unique = IdentityFixture.unique("");
		var name = "agent" + unique;
		given.user(name, given.rootId(), "AGENT");
		var extension = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999));
		var password = "sip-" + unique;
		ok(supervisor.put("/api/contact/agents/" + name,
				Map.of("extension", extension, "password", password, "skills", skills)));
		var session = api.as(name, IdentityFixture.PASSWORD);
		var state = ok(session.post("/api/contact/agents/" + name + "/state", Map.of("state", "AVAILABLE")));
		assertThat(state.get("state").asString()).isEqualTo("AVAILABLE");
		signedIn.add(name);
		return new Agent(name, extension, password, session);
	}

	/** The agent's phone registers (digest) and then behaves as the scenario says. */
	Sipp phone(Agent agent, String scenario) {
		var register = Sipp.scenario("register", "127.0.0.1", sipPort()).set("user", agent.extension())
			.set("expires", 300).set("expect", 200).credentials(agent.extension(), agent.password());
		var r = register.run();
		assertThat(r.passed()).as(r.toString()).isTrue();
		return Sipp.scenario(scenario, "127.0.0.1", sipPort()).localPort(register.localPort());
	}

	void plan(String queues, String flows) {
		var r = supervisor.sendAs("PUT", "/api/contact/plan", "application/yaml", "queues:\n" + queues + "\nflows:\n" + flows);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
	}

	String queue(String name, String extra) {
		return "  " + name + ": {strategy: skills, skills: {" + name + "技能: 3}, " + extra + "}\n";
	}

	JsonNode callOf(String agentOrNull, String disposition) {
		return ForkedCenter.callOf(supervisor, caller, agentOrNull, disposition);
	}

	static JsonNode ok(Api.Response r) {
		assertThat(r.status()).as(r.body()).isBetween(200, 299);
		return r.json();
	}

	@Test
	void citizenPressesZeroReachesTheSkilledAgentAndTheTalkIsRecorded() throws Exception {
		var q = "q" + skill.hashCode();
		var agent = agent(Map.of(q + "技能", 4));
		plan(queue(q, "max_wait: 30s, ring_timeout: 10s, wrap_up: 2s"), """
				  - number: "12345"
				    start: menu
				    record_ivr: true
				    nodes:
				      menu: {menu: 人工服务请按零, options: {"0": staffed}, timeout: 5s, retries: 1, fallback: staffed}
				      staffed: {queue: %s}
				""".formatted(q));
		var phone = phone(agent, "agent-answer").set("ring", 300).set("audio", CallerScript.SPEECH).start();

		var citizen = Sipp.caller("127.0.0.1", sipPort(), "12345", caller,
				new CallerScript().pause(500).keys("0").speak().pause(5000), true).run();

		assertThat(citizen.passed()).as(citizen.toString()).isTrue();
		var agentPhone = phone.await();
		assertThat(agentPhone.passed()).as(agentPhone.toString()).isTrue();
		var record = callOf(agent.username(), "ANSWERED");
		assertThat(record.get("queue").asString()).isEqualTo(q);
		assertThat(record.get("dialled").asString()).isEqualTo("12345");
		assertThat(record.get("hangupBy").asString()).isEqualTo("CALLER");
		assertThat(record.get("recorded").asBoolean()).isTrue();
		assertThat(record.get("waitMillis").asLong()).isLessThan(10_000);
		assertThat(record.get("talkMillis").asLong()).isBetween(2_000L, 8_000L);
		assertThat(record.get("caller").asString()).isEqualTo(caller); // a supervisor may see numbers

		var detail = ok(supervisor.get("/api/contact/calls/" + record.get("callId").asString()));
		assertThat(detail.get("flowPath").asString()).isEqualTo("menu>staffed");
		assertThat(detail.get("queueEvents").findValuesAsString("event")).containsExactly("ENTERED", "OFFERED", "ANSWERED");
		assertThat(detail.get("legs").get(0).get("result").asString()).isEqualTo("ANSWERED");
		// the day's trend counts the call in the quarter hours it entered the queue and was answered
		var trend = ok(supervisor.get("/api/contact/live/trend"));
		var china = ZoneId.of("Asia/Shanghai");
		var midnight = LocalDate.now(china).atStartOfDay(china);
		assertThat(OffsetDateTime.parse(trend.get(0).get("from").asString()).toInstant()).isEqualTo(midnight.toInstant());
		for (var event : detail.get("queueEvents")) {
			var field = switch (event.get("event").asString()) {
				case "ENTERED" -> "entered";
				case "ANSWERED" -> "answered";
				default -> null;
			};
			if (field == null) continue;
			var at = OffsetDateTime.parse(event.get("at").asString()).toInstant();
			var slot = trend.get((int) (Duration.between(midnight.toInstant(), at).toSeconds() / 900));
			assertThat(slot.get(field).asLong()).as(field + " at " + at).isPositive();
		}
		var file = jdbc.queryForObject("select recording_file from contact_call where call_id = ?", String.class,
				record.get("callId").asString());
		var wav = Wav.read(Path.of(file));
		assertThat(wav.channels()).isEqualTo(2);
		assertThat(wav.rmsDbfs(0)).as("citizen on the left").isGreaterThan(-45);
		assertThat(wav.rmsDbfs(1)).as("agent on the right").isGreaterThan(-45);
		// the IVR part (the menu prompt the caller heard) is kept beside the talk
		assertThat(detail.get("ivrRecorded").asBoolean()).isTrue();
		var ivr = Wav.read(Path.of(jdbc.queryForObject("select ivr_recording_file from contact_call where call_id = ?",
				String.class, record.get("callId").asString())));
		assertThat(ivr.channels()).isEqualTo(2);
		assertThat(ivr.rmsDbfs(1)).as("the menu prompt on the right").isGreaterThan(-45);

		// after the call: wrap-up, then available again by itself
		assertThat(Eventually.value(() -> ok(agent.session().get("/api/contact/agents/" + agent.username())).get("state").asString(),
				"AVAILABLE"::equals, Duration.ofSeconds(10))).isEqualTo("AVAILABLE");
		var states = jdbc.queryForList("select to_state from contact_agent_state where username = ? order by id", String.class,
				agent.username());
		assertThat(states).containsExactly("AVAILABLE", "RINGING", "ON_CALL", "WRAP_UP", "AVAILABLE");

		// a monitoring system reads how long the routing decisions took, with a token of its own
		var monitor = api.admin().post("/api/users", Map.of("username", "prom" + skill.hashCode(), "displayName", "Prometheus",
				"departmentId", given.rootId(), "roles", List.of("MONITOR"), "serviceAccount", true));
		var token = ok(api.admin().post("/api/users/" + monitor.json().get("user").get("id").asLong() + "/tokens",
				Map.of("name", "指标采集"))).get("token").asString();
		var scraped = api.withToken(token).get("/actuator/prometheus");
		assertThat(scraped.status()).isEqualTo(200);
		var decisions = scraped.body().lines().filter(l -> l.startsWith("minsheng_acd_decision_seconds_count")).findFirst();
		assertThat(decisions).isPresent();
		assertThat(Double.parseDouble(decisions.get().substring(decisions.get().lastIndexOf(' ') + 1))).isPositive();
		// as a histogram, for the monitoring system's own percentiles (histogram_quantile)
		assertThat(scraped.body()).contains("minsheng_acd_decision_seconds_bucket{le=");
		assertThat(agent.session().get("/actuator/prometheus").status()).as("an agent reads no metrics").isEqualTo(403);
		assertThat(api.anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
	}

	@Test
	void agentWhoDeclinesGoesOnBreakAndTheCallerOverflowsToAnotherQueue() {
		var first = "q1" + skill.hashCode();
		var second = "q2" + skill.hashCode();
		var decliner = agent(Map.of(first + "技能", 5));
		var backup = agent(Map.of(second + "技能", 5));
		plan(queue(first, "max_wait: 3s, overflow: \"queue:" + second + "\", ring_timeout: 5s, max_no_answer: 1, wrap_up: 0s")
				+ queue(second, "max_wait: 30s, ring_timeout: 10s, wrap_up: 0s"), """
				  - number: "12345"
				    start: staffed
				    nodes:
				      staffed: {queue: %s}
				""".formatted(first));
		var busyPhone = phone(decliner, "agent-busy").start();
		var backupPhone = phone(backup, "agent-answer").set("ring", 200).set("audio", CallerScript.SPEECH).start();

		var citizen = Sipp.caller("127.0.0.1", sipPort(), "12345", caller,
				new CallerScript().speak().pause(9000), true).run();

		assertThat(citizen.passed()).as(citizen.toString()).isTrue();
		assertThat(busyPhone.await().passed()).isTrue();
		assertThat(backupPhone.await().passed()).isTrue();
		var record = callOf(backup.username(), "ANSWERED");
		var detail = ok(supervisor.get("/api/contact/calls/" + record.get("callId").asString()));
		assertThat(detail.get("queueEvents").findValuesAsString("event"))
			.containsSubsequence("ENTERED", "OFFERED", "NO_ANSWER", "OVERFLOWED", "ENTERED", "OFFERED", "ANSWERED");
		assertThat(detail.get("legs").findValuesAsString("result")).containsExactly("REJECTED", "ANSWERED");
		var declined = ok(supervisor.get("/api/contact/agents/" + decliner.username()));
		assertThat(declined.get("state").asString()).isEqualTo("ON_BREAK");
		assertThat(declined.get("reason").asString()).isEqualTo("未接超限");
	}

	@Test
	void agentTransfersTheCallerBlindToAColleagueFromThePhone() {
		var q = "q" + skill.hashCode();
		var first = agent(Map.of(q + "技能", 5));
		var colleague = agent(Map.of(q + "技能", 3));
		plan(queue(q, "max_wait: 30s, ring_timeout: 10s, wrap_up: 0s"), """
				  - number: "12345"
				    start: staffed
				    nodes:
				      staffed: {queue: %s}
				""".formatted(q));
		var transferring = phone(first, "agent-refer").set("talk", 2000).set("target", colleague.extension()).start();
		var answering = phone(colleague, "agent-answer").set("ring", 300).set("audio", CallerScript.SPEECH).start();

		var citizen = Sipp.caller("127.0.0.1", sipPort(), "12345", caller, new CallerScript().speak().pause(8000), true).run();

		assertThat(citizen.passed()).as(citizen.toString()).isTrue();
		var t = transferring.await();
		assertThat(t.passed()).as(t.toString()).isTrue();
		assertThat(answering.await().passed()).isTrue();
		var record = callOf(colleague.username(), "ANSWERED");
		var detail = ok(supervisor.get("/api/contact/calls/" + record.get("callId").asString()));
		assertThat(detail.get("legs").findValuesAsString("result")).containsExactly("TRANSFERRED", "ANSWERED");
		assertThat(detail.get("legs").findValuesAsString("agent")).containsExactly(first.username(), colleague.username());
		assertThat(detail.get("queueEvents").findValuesAsString("event"))
			.containsExactly("ENTERED", "OFFERED", "ANSWERED", "TRANSFERRED", "OFFERED", "ANSWERED");
		assertThat(record.get("talkMillis").asLong()).isGreaterThan(6_000);
	}

	@Test
	void agentTransfersTheCallerToAnotherQueueFromTheConsole() {
		var first = "q1" + skill.hashCode();
		var second = "q2" + skill.hashCode();
		var agentA = agent(Map.of(first + "技能", 4));
		var agentB = agent(Map.of(second + "技能", 4));
		plan(queue(first, "max_wait: 30s, wrap_up: 0s") + queue(second, "max_wait: 30s, wrap_up: 0s"), """
				  - number: "12345"
				    start: staffed
				    nodes:
				      staffed: {queue: %s}
				""".formatted(first));
		var phoneA = phone(agentA, "agent-answer").set("ring", 200).set("audio", CallerScript.SPEECH).start();
		var phoneB = phone(agentB, "agent-answer").set("ring", 200).set("audio", CallerScript.SPEECH).start();
		var citizen = Sipp.caller("127.0.0.1", sipPort(), "12345", caller, new CallerScript().speak().pause(9000), true).start();

		var onCall = Eventually.value(() -> ok(agentA.session().get("/api/contact/agents/" + agentA.username())),
				a -> a.get("state").asString().equals("ON_CALL"), Duration.ofSeconds(10));
		var callId = onCall.get("callId").asString();
		var wrong = agentA.session().post("/api/contact/calls/" + callId + "/transfer", Map.of("target", "没有这个队列"));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.body()).contains("target");
		var moved = agentA.session().post("/api/contact/calls/" + callId + "/transfer", Map.of("target", second));
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);

		assertThat(citizen.await().passed()).isTrue();
		assertThat(phoneA.await().passed()).isTrue();
		assertThat(phoneB.await().passed()).isTrue();
		var detail = ok(supervisor.get("/api/contact/calls/" + callId));
		assertThat(detail.get("agent").asString()).isEqualTo(agentB.username());
		assertThat(detail.get("queue").asString()).isEqualTo(second);
		assertThat(detail.get("legs").findValuesAsString("result")).containsExactly("TRANSFERRED", "ANSWERED");
		assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'CONTACT_CALL_TRANSFERRED' and target_id = ?",
				Long.class, callId)).isEqualTo(1);
	}

	@Test
	void afterHoursCallerLeavesAMessageThatBecomesAWorkOrder() throws Exception {
		var q = "q" + skill.hashCode();
		int closedHour = (ZonedDateTime.now(ZoneId.of("Asia/Shanghai")).getHour() + 12) % 24;
		plan(queue(q, "max_wait: 30s"), """
				  - number: "12345001"
				    start: hours
				    nodes:
				      hours: {route_time: "%02d:00-%02d:59", working: staffed, off_hours: message}
				      staffed: {queue: %s}
				      message: {voicemail: 请留言, max: 20s, thanks: 谢谢}
				""".formatted(closedHour, closedHour, q));

		var citizen = Sipp.caller("127.0.0.1", sipPort(), "12345001", caller,
				new CallerScript().pause(1500).speak().pause(3500).keys("#"), false).run();

		assertThat(citizen.passed()).as(citizen.toString()).isTrue();
		var record = callOf(null, "VOICEMAIL");
		assertThat(record.get("flowPath").asString()).isEqualTo("hours>message");
		var orderNo = record.get("workOrderNo").asString();
		assertThat(orderNo).startsWith("WO");
		var order = ok(supervisor.get("/api/work-orders/" + orderNo));
		assertThat(order.get("channel").asString()).isEqualTo("PHONE");
		assertThat(order.get("callId").asString()).isEqualTo(record.get("callId").asString());
		assertThat(order.toString()).contains("电话留言");
		var file = jdbc.queryForObject("select recording_file from contact_call where call_id = ?", String.class,
				record.get("callId").asString());
		var wav = Wav.read(Path.of(file));
		assertThat(wav.channels()).isEqualTo(1);
		assertThat(wav.seconds()).isBetween(2.0, 6.0);
		assertThat(wav.rmsDbfs(0)).isGreaterThan(-45);
	}

	@Test
	void callerKeysTheirOrderNumberAndHearsItsState() throws Exception {
		var agentSession = agent(Map.of()).session();
		var body = new HashMap<String, Object>();
		body.put("channel", "PHONE");
		body.put("requestType", "COMPLAINT");
		body.put("urgency", "NORMAL");
		body.put("title", "路灯不亮");
		body.put("content", "小区门口路灯坏了两个星期。");
		body.put("callerName", "张三");
		body.put("callerPhone", caller);
		var no = ok(agentSession.post("/api/work-orders", body)).get("no").asString();
		var stateLabel = ok(supervisor.get("/api/work-orders/" + no)).get("stateLabel").asString();
		plan(queue("q" + skill.hashCode(), "max_wait: 30s"), """
				  - number: "12345"
				    start: progress
				    record_ivr: true
				    nodes:
				      progress: {collect: 请输入工单编号, max: 20, timeout: 6s, into: order, next: say}
				      say: {order_status: order, next: bye}
				      bye: {hangup: 再见}
				""");

		var citizen = Sipp.caller("127.0.0.1", sipPort(), "12345", caller,
				new CallerScript().pause(800).keys(no.substring(2) + "#"), false).timeout(Duration.ofSeconds(60)).run();

		assertThat(citizen.passed()).as(citizen.toString()).isTrue();
		var digits = no.substring(2);
		var spoken = "工单" + spell(digits) + "，当前状态：" + stateLabel + "。";
		var prompts = new CachingSynthesizer(new EspeakSynthesizer(), Path.of(dataDir, "prompts"));
		assertThat(Files.exists(prompts.fileFor(spoken))).as("the IVR said: " + spoken).isTrue();
		var record = callOf(null, "IVR_ONLY");
		assertThat(record.get("flowPath").asString()).isEqualTo("progress>say>bye");
		// a call that never reached an agent is recorded when its flow says so: the prompts it heard
		assertThat(record.get("recorded").asBoolean()).isTrue();
		var file = jdbc.queryForObject("select recording_file from contact_call where call_id = ?", String.class,
				record.get("callId").asString());
		var wav = Wav.read(Path.of(file));
		assertThat(wav.channels()).isEqualTo(2);
		assertThat(wav.rmsDbfs(1)).as("prompts and the spoken state on the right").isGreaterThan(-40);
		assertThat(Files.readString(Path.of(file + ".sha256"))).startsWith(record.get("recordingSha256").asString());
	}

	static String spell(String digits) {
		var out = new StringBuilder();
		for (char c : digits.toCharArray()) out.append("零幺二三四五六七八九".charAt(c - '0'));
		return out.toString();
	}

	@Test
	void agentHoldsTheCallerFromTheConsoleAndTheRecordSaysHowLong() {
		var q = "q" + skill.hashCode();
		var agent = agent(Map.of(q + "技能", 4));
		plan(queue(q, "max_wait: 30s, ring_timeout: 10s, wrap_up: 0s"), """
				  - number: "12345"
				    start: staffed
				    nodes:
				      staffed: {queue: %s}
				""".formatted(q));
		var phone = phone(agent, "agent-answer").set("ring", 200).set("audio", CallerScript.SPEECH).start();
		var citizen = Sipp.caller("127.0.0.1", sipPort(), "12345", caller, new CallerScript().speak().pause(7000), true).start();

		var onCall = Eventually.value(() -> ok(agent.session().get("/api/contact/agents/" + agent.username())),
				a -> a.get("state").asString().equals("ON_CALL"), Duration.ofSeconds(10));
		var callId = onCall.get("callId").asString();
		var missing = agent.session().post("/api/contact/calls/" + callId + "/hold", Map.of());
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.body()).contains("on");
		var held = ok(agent.session().post("/api/contact/calls/" + callId + "/hold", Map.of("on", true)));
		assertThat(held.get("onHold").asBoolean()).isTrue();
		sleep(2000);
		var resumed = ok(agent.session().post("/api/contact/calls/" + callId + "/hold", Map.of("on", false)));
		assertThat(resumed.get("onHold").asBoolean()).isFalse();

		assertThat(citizen.await().passed()).isTrue();
		assertThat(phone.await().passed()).isTrue();
		var detail = Eventually.value(() -> supervisor.get("/api/contact/calls/" + callId), r -> r.status() == 200,
				Duration.ofSeconds(10)).json();
		assertThat(detail.get("holdMillis").asLong()).isBetween(1_800L, 3_500L);
		assertThat(detail.get("legs").get(0).get("holdMillis").asLong()).isEqualTo(detail.get("holdMillis").asLong());
		assertThat(jdbc.queryForObject("select count(*) from audit_entry where action in ('CONTACT_CALL_HELD', 'CONTACT_CALL_RESUMED')"
				+ " and target_id = ?", Long.class, callId)).isEqualTo(2);
	}

	@Test
	void anAnnouncementFlowPlaysAsEarlyMediaAndIsNeverAnswered() {
		plan(queue("q" + skill.hashCode(), "max_wait: 30s"), """
				  - number: "12345009"
				    start: notice
				    early_media: true
				    nodes:
				      notice: {play: 系统维护中，请稍后再拨。, next: bye}
				      bye: {hangup: ""}
				""");
		try (var probe = org.minsheng.sip.testkit.RtpProbe.open()) {
			var citizen = Sipp.scenario("caller-early", "127.0.0.1", sipPort()).set("number", "12345009")
				.set("media", probe.port()).set("final", 480).run();

			assertThat(citizen.passed()).as(citizen.toString()).isTrue();
			assertThat(probe.packets().size()).as("the announcement, in 20 ms packets").isGreaterThan(50);
			assertThat(probe.rmsDbfs(Duration.ZERO, probe.elapsed())).isGreaterThan(-40);
		}
		var record = Eventually.value(() -> {
			for (var c : ok(supervisor.get("/api/contact/calls?limit=50"))) {
				if (c.get("dialled").asString().equals("12345009")) return c;
			}
			return null;
		}, c -> c != null, Duration.ofSeconds(15));
		assertThat(record.get("disposition").asString()).isEqualTo("IVR_ONLY");
		assertThat(record.get("answeredAt").isNull()).as("never answered, never billed").isTrue();
		assertThat(record.get("flowPath").asString()).isEqualTo("notice>bye");
	}

	@Test
	void callerWhoAsksForACallbackKeepsTheirPlaceAndIsCalledBackWhenAnAgentIsFree() throws Exception {
		var q = "q" + skill.hashCode();
		var agent = agent(Map.of(q + "技能", 4));
		ok(supervisor.post("/api/contact/agents/" + agent.username() + "/state", Map.of("state", "ON_BREAK", "reason", "会议")));
		plan(queue(q, "max_wait: 60s, ring_timeout: 10s, wrap_up: 0s, callback_after: 2s, callback_attempts: 2,"
				+ " callback_retry: 3s"), """
				  - number: "12345"
				    start: staffed
				    nodes:
				      staffed: {queue: %s}
				""".formatted(q));

		// the citizen waits, hears the offer after 2 s, presses 1 and is hung up on with the place kept
		var asked = Sipp.caller("127.0.0.1", sipPort(), "12345", caller, new CallerScript().pause(3000).keys("1"), false)
			.timeout(Duration.ofSeconds(40)).run();
		assertThat(asked.passed()).as(asked.toString()).isTrue();
		var request = callOf(null, "CALLBACK");
		var originalId = request.get("callId").asString();

		// the first call back finds the line busy; the second, 3 s later, is answered
		var busyLine = Sipp.scenario("agent-busy", "127.0.0.1", sipPort()).localPort(Sipp.gatewayPort()).start();
		var agentPhone = phone(agent, "agent-answer").set("ring", 300).set("audio", CallerScript.SPEECH).start();
		ok(agent.session().post("/api/contact/agents/" + agent.username() + "/state", Map.of("state", "AVAILABLE")));
		assertThat(busyLine.await().passed()).isTrue();
		var citizen = Sipp.scenario("gateway-answer", "127.0.0.1", sipPort()).localPort(Sipp.gatewayPort())
			.set("number", caller).set("callerId", "12345").set("ring", 300).set("audio", CallerScript.SPEECH)
			.set("talk", CITIZEN_CALLED_BACK_TALKS_MILLIS).timeout(Duration.ofSeconds(60)).start();

		var answered = citizen.await();
		assertThat(answered.passed()).as(answered.toString()).isTrue();
		assertThat(agentPhone.await().passed()).isTrue();
		var back = Eventually.value(() -> {
			for (var c : ok(supervisor.get("/api/contact/calls?limit=50"))) {
				var detail = ok(supervisor.get("/api/contact/calls/" + c.get("callId").asString()));
				if (originalId.equals(detail.get("callbackOf").asString(null))) return detail;
			}
			return null;
		}, c -> c != null, Duration.ofSeconds(15));
		assertThat(back.get("caller").asString()).isEqualTo(caller);
		assertThat(back.get("dialled").asString()).isEqualTo("12345");
		assertThat(back.get("agent").asString()).isEqualTo(agent.username());
		assertThat(back.get("disposition").asString()).isEqualTo("ANSWERED");
		assertThat(back.get("recorded").asBoolean()).isTrue();
		assertThat(back.get("flowPath").asString()).isEqualTo("callback");
		// the wait runs from when the citizen first queued: the place was kept across both attempts
		assertThat(back.get("waitMillis").asLong()).isGreaterThan(5_000);
		var original = ok(supervisor.get("/api/contact/calls/" + originalId));
		assertThat(original.get("queueEvents").findValuesAsString("event"))
			.containsExactly("ENTERED", "CALLBACK_REQUESTED", "CALLBACK_BUSY", "CALLBACK_ANSWERED");
	}

	@Test
	void agentConsultsAColleagueConfersTakesTheCallBackThenHandsItOver() {
		var q = "q" + skill.hashCode();
		var first = agent(Map.of(q + "技能", 4));
		var colleague = agent(Map.of());
		plan(queue(q, "max_wait: 30s, ring_timeout: 10s, wrap_up: 0s"), """
				  - number: "12345"
				    start: staffed
				    nodes:
				      staffed: {queue: %s}
				""".formatted(q));
		var firstPhone = phone(first, "agent-answer").set("ring", 200).set("audio", CallerScript.SPEECH).start();
		var colleaguePhone = phone(colleague, "agent-answer").set("ring", 200).set("audio", CallerScript.SPEECH).calls(2).start();
		var citizen = Sipp.caller("127.0.0.1", sipPort(), "12345", caller, new CallerScript().speak().pause(14000), true)
			.timeout(Duration.ofSeconds(40)).start();

		var onCall = Eventually.value(() -> ok(first.session().get("/api/contact/agents/" + first.username())),
				a -> a.get("state").asString().equals("ON_CALL"), Duration.ofSeconds(10));
		var callId = onCall.get("callId").asString();
		var base = "/api/contact/calls/" + callId + "/consult";
		var nobody = first.session().post(base, Map.of("target", "没有这个坐席"));
		assertThat(nobody.status()).isEqualTo(400);
		assertThat(nobody.body()).contains("target");
		assertThat(first.session().post(base + "/transfer", Map.of()).status()).as("nothing to transfer to yet").isEqualTo(409);

		var consulting = ok(first.session().post(base, Map.of("target", colleague.extension())));
		assertThat(consulting.get("consulting").asString()).isEqualTo(colleague.extension());
		assertThat(consulting.get("onHold").asBoolean()).as("the caller waits with music").isTrue();
		assertThat(state(colleague)).isEqualTo("ON_CALL");
		var conference = ok(first.session().post(base + "/conference", Map.of()));
		assertThat(conference.get("conference").asBoolean()).isTrue();
		assertThat(conference.get("onHold").asBoolean()).isFalse();
		sleep(1000);
		var back = ok(first.session().delete(base));
		assertThat(Eventually.value(() -> state(colleague), "AVAILABLE"::equals, Duration.ofSeconds(5))).isEqualTo("AVAILABLE");

		ok(first.session().post(base, Map.of("target", colleague.extension())));
		ok(first.session().post(base + "/transfer", Map.of()));
		assertThat(Eventually.value(() -> state(first), "AVAILABLE"::equals, Duration.ofSeconds(5))).isEqualTo("AVAILABLE");
		assertThat(state(colleague)).isEqualTo("ON_CALL");

		assertThat(citizen.await().passed()).isTrue();
		assertThat(firstPhone.await().passed()).isTrue();
		var colleagueSide = colleaguePhone.await();
		assertThat(colleagueSide.passed()).as(colleagueSide.toString()).isTrue();
		var detail = Eventually.value(() -> supervisor.get("/api/contact/calls/" + callId), r -> r.status() == 200,
				Duration.ofSeconds(10)).json();
		assertThat(detail.get("agent").asString()).isEqualTo(colleague.username());
		assertThat(detail.get("legs").findValuesAsString("result")).containsExactly("CONSULTED", "TRANSFERRED", "ANSWERED");
		assertThat(detail.get("legs").findValuesAsString("agent"))
			.containsExactly(colleague.username(), first.username(), colleague.username());
		assertThat(detail.get("queueEvents").findValuesAsString("event"))
			.containsExactly("ENTERED", "OFFERED", "ANSWERED", "CONSULTED", "CONSULTED", "TRANSFERRED");
		assertThat(detail.get("recorded").asBoolean()).isTrue();
		assertThat(back.get("consulting").isNull()).isTrue();
	}

	@Test
	void agentTransfersTheCallerToADepartmentsOutsideLineThroughTheTrunk() {
		var call = talkingWhileADepartmentWaitsOnTheTrunk(3000);
		var agent = call.agent();
		var callId = call.callId();
		var bad = agent.session().post("/api/contact/calls/" + callId + "/transfer", Map.of("target", "电话12"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("target").contains("外线号码");
		ok(agent.session().post("/api/contact/calls/" + callId + "/transfer", Map.of("target", "028-8765-4321")));

		var detail = handedToTheDepartment(call);
		assertThat(detail.get("queueEvents").findValuesAsString("event")).containsSubsequence("TRANSFERRED", "OUTSIDE_ANSWERED");
	}

	/**
	 * Two agents with the skill, two calls one after the other: longest-idle picks the agent idle
	 * longest first, then the other; round-robin and fewest-calls reach both; random and ring-all
	 * reach one of them.
	 */
	@org.junit.jupiter.params.ParameterizedTest(name = "{0}")
	@org.junit.jupiter.params.provider.ValueSource(strings = { "longest-idle", "round-robin", "fewest-calls", "random", "ring-all" })
	void eachStrategyPicksTheAgentItShould(String strategy) {
		var q = "s" + Math.abs((skill + strategy).hashCode());
		var first = agent(Map.of(q + "技能", 3));
		sleep(50);
		var second = agent(Map.of(q + "技能", 3));
		plan("  " + q + ": {strategy: " + strategy + ", max_wait: 30s, ring_timeout: 10s, wrap_up: 0s}\n", """
				  - number: "12345"
				    start: staffed
				    nodes:
				      staffed: {queue: %s}
				""".formatted(q));
		var phones = List.of(phone(first, "agent-answer").set("ring", 100).set("audio", CallerScript.SPEECH).calls(2).start(),
				phone(second, "agent-answer").set("ring", 100).set("audio", CallerScript.SPEECH).calls(2).start());
		var answered = new java.util.ArrayList<String>();
		try {
			for (int i = 0; i < 2; i++) {
				caller = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
				var citizen = Sipp.caller("127.0.0.1", sipPort(), "12345", caller, new CallerScript().speak().pause(1500), true).run();
				assertThat(citizen.passed()).as(citizen.toString()).isTrue();
				var agentName = callOf(null, "ANSWERED").get("agent").asString();
				answered.add(agentName);
				var who = agentName.equals(first.username()) ? first : second;
				Eventually.value(() -> state(who), "AVAILABLE"::equals, Duration.ofSeconds(10));
			}
		}
		finally {
			phones.forEach(Sipp.Running::kill);
		}
		var both = List.of(first.username(), second.username());
		switch (strategy) {
			case "longest-idle" -> assertThat(answered).containsExactly(first.username(), second.username());
			case "round-robin", "fewest-calls" -> assertThat(answered).containsExactlyInAnyOrderElementsOf(both);
			default -> assertThat(answered).allMatch(both::contains);
		}
	}

	@Test
	void agentConsultsADepartmentsLineAndHandsTheCallerOver() {
		var call = talkingWhileADepartmentWaitsOnTheTrunk(5000);
		var agent = call.agent();
		var callId = call.callId();
		var consulting = ok(agent.session().post("/api/contact/calls/" + callId + "/consult", Map.of("target", "028-8765-4321")));
		assertThat(consulting.get("consulting").asString()).isEqualTo("tel:02887654321");
		ok(agent.session().post("/api/contact/calls/" + callId + "/consult/transfer", Map.of()));
		assertThat(Eventually.value(() -> state(agent), "AVAILABLE"::equals, Duration.ofSeconds(5))).isEqualTo("AVAILABLE");

		var detail = handedToTheDepartment(call);
		assertThat(detail.get("queueEvents").findValuesAsString("event")).containsSubsequence("CONSULTED", "TRANSFERRED");
		assertThat(detail.get("recorded").asBoolean()).isTrue();
	}

	record OutsideCall(Agent agent, String callId, Sipp.Running phone, Sipp.Running department, Sipp.Running citizen) {
	}

	/**
	 * A citizen talking with an agent of a fresh queue, and a department's line on the trunk (sipp as
	 * the carrier's gateway, number 02887654321) that answers when called and hangs up after
	 * {@code talkMillis}; the citizen waits to be hung up on.
	 */
	OutsideCall talkingWhileADepartmentWaitsOnTheTrunk(int talkMillis) {
		var q = "q" + skill.hashCode();
		var agent = agent(Map.of(q + "技能", 4));
		plan(queue(q, "max_wait: 30s, ring_timeout: 10s, wrap_up: 0s"), """
				  - number: "12345"
				    start: staffed
				    nodes:
				      staffed: {queue: %s}
				""".formatted(q));
		var phone = phone(agent, "agent-answer").set("ring", 200).set("audio", CallerScript.SPEECH).start();
		var department = Sipp.scenario("gateway-answer", "127.0.0.1", sipPort()).localPort(Sipp.gatewayPort())
			.set("number", "02887654321").set("callerId", "12345").set("ring", 300).set("audio", CallerScript.SPEECH)
			.set("talk", talkMillis).timeout(Duration.ofSeconds(40)).start();
		var citizen = Sipp.caller("127.0.0.1", sipPort(), "12345", caller, new CallerScript().speak(), false)
			.timeout(Duration.ofSeconds(40)).start();

		var onCall = Eventually.value(() -> ok(agent.session().get("/api/contact/agents/" + agent.username())),
				a -> a.get("state").asString().equals("ON_CALL"), Duration.ofSeconds(10));
		var callId = onCall.get("callId").asString();
		return new OutsideCall(agent, callId, phone, department, citizen);
	}

	/** The outside line hung up, everyone's sipp passed; the record: the agent's leg transferred, the line's talked. */
	JsonNode handedToTheDepartment(OutsideCall call) {
		var outside = call.department().await();
		assertThat(outside.passed()).as(outside.toString()).isTrue();
		assertThat(call.citizen().await().passed()).isTrue();
		assertThat(call.phone().await().passed()).isTrue();
		var detail = Eventually.value(() -> supervisor.get("/api/contact/calls/" + call.callId()), r -> r.status() == 200,
				Duration.ofSeconds(10)).json();
		assertThat(detail.get("legs").findValuesAsString("result")).containsExactly("TRANSFERRED", "TALKED");
		assertThat(detail.get("legs").findValuesAsString("agent")).containsExactly(call.agent().username(), "tel:02887654321");
		assertThat(detail.get("hangupBy").asString()).isEqualTo("OUTSIDE");
		return detail;
	}

	/** The level of the loudest second of a channel: whether anybody spoke on it at all. */
	static double loudestSecond(Wav wav, int channel) {
		double loudest = Double.NEGATIVE_INFINITY;
		for (double from = 0; from + 1 <= wav.seconds(); from += 0.5) {
			loudest = Math.max(loudest, wav.rmsDbfs(channel, from, from + 1));
		}
		return loudest;
	}

	String state(Agent agent) {
		return ok(supervisor.get("/api/contact/agents/" + agent.username())).get("state").asString();
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** An order of the citizen (this test's caller), registered by the agent on the phone. */
	String orderOf(Agent agent, boolean anonymous) {
		var body = new HashMap<String, Object>(Map.of("channel", "PHONE", "requestType", "COMPLAINT", "urgency", "NORMAL",
				"title", "小区路灯不亮", "content", "小区门口路灯坏了两个星期，晚上很黑，请尽快修复。", "callerName", "张三",
				"address", "南山区南头街道深南大道10000号", "divisionCode", "440305001"));
		if (anonymous) body.put("anonymous", true);
		else body.put("callerPhone", caller);
		return ok(agent.session().post("/api/work-orders", body)).get("no").asString();
	}

	@Test
	void agentCallsTheCitizenOfAnOrderThroughTheCenterAndNeverSeesTheNumber() throws Exception {
		var agent = agent(Map.of("回访" + skill, 1));
		var no = orderOf(agent, false);
		var phone = phone(agent, "agent-answer").set("ring", 300).set("audio", CallerScript.SPEECH).start();
		// the citizen's phone, behind the carrier's gateway: it sees the hotline's number, answers, hears why
		// the hotline calls, then talks with the agent
		var citizen = Sipp.scenario("gateway-answer", "127.0.0.1", sipPort()).localPort(Sipp.gatewayPort())
			.set("number", caller).set("callerId", "12345").set("ring", 300).set("listen", 15_000)
			.set("audio", CallerScript.SPEECH).set("talk", 12_000).timeout(Duration.ofSeconds(60)).start();

		var asked = agent.session().post("/api/work-orders/" + no + "/citizen-calls", null);
		assertThat(asked.status()).as(asked.body()).isEqualTo(202);
		assertThat(asked.body()).doesNotContain(caller);

		// on the call, the agent's own view of it masks the number
		var onCall = Eventually.value(() -> ok(agent.session().get("/api/contact/agents/" + agent.username())),
				a -> a.get("state").asString().equals("ON_CALL"), Duration.ofSeconds(30));
		var held = ok(agent.session().post("/api/contact/calls/" + onCall.get("callId").asString() + "/hold", Map.of("on", true)));
		assertThat(held.get("caller").asString()).isNotEqualTo(caller).contains("****");
		ok(agent.session().post("/api/contact/calls/" + onCall.get("callId").asString() + "/hold", Map.of("on", false)));

		var answered = citizen.await();
		assertThat(answered.passed()).as(answered.toString()).isTrue();
		assertThat(phone.await().passed()).isTrue();
		var calls = Eventually.value(() -> ok(agent.session().get("/api/work-orders/" + no + "/calls")),
				c -> c.size() == 1 && !c.get(0).get("disposition").asString().equals("IN_PROGRESS"), Duration.ofSeconds(15));
		var call = calls.get(0);
		assertThat(call.get("disposition").asString()).isEqualTo("OUTBOUND");
		assertThat(call.get("agent").asString()).isEqualTo(agent.username());
		assertThat(call.get("dialled").asString()).isEqualTo("12345");
		assertThat(call.get("recorded").asBoolean()).isTrue();
		assertThat(call.get("workOrderNo").asString()).isEqualTo(no);
		assertThat(call.get("caller").asString()).isNotEqualTo(caller).contains("****");
		assertThat(calls.toString()).doesNotContain(caller);
		var wav = Wav.read(Path.of(jdbc.queryForObject("select recording_file from contact_call where call_id = ?",
				String.class, call.get("callId").asString())));
		assertThat(loudestSecond(wav, 0)).as("citizen on the left").isGreaterThan(-40);
		assertThat(loudestSecond(wav, 1)).as("agent on the right").isGreaterThan(-40);
		assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'CONTACT_CITIZEN_CALLED'"
				+ " and target_id = ? and actor = ?", Integer.class, no, agent.username())).isEqualTo(1);
		// the day's inbound figures do not count the center's own calls
		var trend = ok(supervisor.get("/api/contact/live/trend"));
		assertThat(ok(supervisor.get("/api/contact/live")).get("queues").findValuesAsString("name")).doesNotContain("outbound");
		assertThat(trend.size()).isPositive();
	}

	@Test
	void aDepartmentHandlerCallsTheCitizenFromTheirOwnPhoneAndNeitherSeesTheOthersNumber() throws Exception {
		var hotline = new WorkOrderFixture(api, given);
		var no = hotline.dispatchedTo(hotline.district);
		var handlerPhone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
		for (var wrong : List.of("电话12", "110", "12345")) {
			var bad = hotline.districtHandler.post("/api/work-orders/" + no + "/citizen-calls", Map.of("ownPhone", wrong));
			assertThat(bad.status()).as(wrong).isEqualTo(400);
			assertThat(bad.body()).as(wrong).contains("ownPhone").contains("电话");
		}
		// the handler's phone and the citizen's, both behind the carrier's gateway: each sees the hotline's number
		var phones = Sipp.scenario("gateway-talk", "127.0.0.1", sipPort()).localPort(Sipp.gatewayPort())
			.set("number", "(" + handlerPhone + "|" + hotline.phone + ")").set("callerId", "12345").set("ring", 300)
			.set("listen", 6_000).set("audio", CallerScript.SPEECH).set("talk", 20_000).calls(2).timeout(Duration.ofSeconds(60)).start();

		var asked = hotline.districtHandler.post("/api/work-orders/" + no + "/citizen-calls", Map.of("ownPhone", handlerPhone));
		assertThat(asked.status()).as(asked.body()).isEqualTo(202);
		assertThat(asked.body()).doesNotContain(hotline.phone).contains("正在呼叫您的电话");

		var talked = phones.await();
		assertThat(talked.passed()).as(talked.toString()).isTrue();
		var calls = Eventually.value(() -> ok(supervisor.get("/api/work-orders/" + no + "/calls")),
				c -> c.size() == 1 && !c.get(0).get("disposition").asString().equals("IN_PROGRESS"), Duration.ofSeconds(15));
		var call = calls.get(0);
		assertThat(call.get("disposition").asString()).isEqualTo("OUTBOUND");
		assertThat(call.get("agent").asString()).isEqualTo(hotline.usernames.get("nshandler"));
		assertThat(call.get("recorded").asBoolean()).isTrue();
		assertThat(call.get("caller").asString()).contains("****");
		var detail = ok(supervisor.get("/api/contact/calls/" + call.get("callId").asString()));
		assertThat(detail.get("legs").findValuesAsString("agent")).containsExactly("市民（号码保护）");
		assertThat(detail.get("legs").findValuesAsString("result")).containsExactly("TALKED");
		var wav = Wav.read(Path.of(jdbc.queryForObject("select recording_file from contact_call where call_id = ?",
				String.class, call.get("callId").asString())));
		// each is heard on their own side (they speak at different times of the call)
		assertThat(loudestSecond(wav, 0)).as("the handler on the left").isGreaterThan(-40);
		assertThat(loudestSecond(wav, 1)).as("the citizen on the right").isGreaterThan(-40);
		// the handler reads no call records, and so no number, by this door either
		assertThat(hotline.districtHandler.get("/api/work-orders/" + no + "/calls").status()).isEqualTo(403);
	}

	@Test
	void clickToCallIsRefusedWithoutANumberOrAPhoneAndLeavesTheAgentAsTheyWere() {
		var agent = agent(Map.of("回访" + skill, 1));
		var anonymous = orderOf(agent, true);
		var refused = agent.session().post("/api/work-orders/" + anonymous + "/citizen-calls", null);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body()).contains("没有可拨打的市民号码");
		// no phone registered for the agent: refused before anything is dialled
		var withNumber = orderOf(agent, false);
		var unregistered = agent.session().post("/api/work-orders/" + withNumber + "/citizen-calls", null);
		assertThat(unregistered.status()).isEqualTo(409);
		assertThat(unregistered.body()).contains("未注册");
		assertThat(state(agent)).isEqualTo("AVAILABLE");
		assertThat(ok(agent.session().get("/api/work-orders/" + withNumber + "/calls")).size()).isZero();
		// an order nobody may see answers as if it did not exist
		assertThat(agent.session().post("/api/work-orders/WO20990101999999/citizen-calls", null).status()).isEqualTo(404);
	}

	@Test
	void refusesAPlanWithAMistakeNamingWhere() {
		var r = supervisor.sendAs("PUT", "/api/contact/plan", "application/yaml", """
				queues: {q: {}}
				flows: [{number: "1", start: a, nodes: {a: {queue: nowhere}}}]
				""");
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.body()).contains("flows[0].nodes.a.queue").contains("方案中没有名为“nowhere”的队列");
	}

	@Test
	void agentCannotChangeAnotherAgentsState() {
		var a = agent(Map.of());
		var b = agent(Map.of());
		var r = a.session().post("/api/contact/agents/" + b.username() + "/state", Map.of("state", "ON_BREAK", "reason", "x"));
		assertThat(r.status()).isEqualTo(403);
		var bad = a.session().post("/api/contact/agents/" + a.username() + "/state", Map.of("state", "ON_CALL"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("state");
	}
}
