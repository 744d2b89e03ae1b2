package org.minsheng.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.minsheng.contact.ContactCenter;
import org.minsheng.sip.testkit.CallerScript;
import org.minsheng.sip.testkit.Sipp;
import org.minsheng.testsupport.ApplicationTest;
import org.minsheng.testsupport.Browser;
import org.minsheng.testsupport.Eventually;
import org.minsheng.testsupport.IdentityFixture;
import org.minsheng.testsupport.OnH2;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;

/**
 * The agent desk and the wallboard in headless Chromium, with sipp as the agent's phone and as the
 * citizen: the agent signs in on the page, a call comes in through the queue, the desk pops the
 * order form with the caller's number, and the wallboard shows the agent and the day's figures.
 */
@OnH2
class ContactBrowserTest extends ApplicationTest {

	static Browser browser;

	@Autowired
	ContactCenter center;

	@BeforeAll
	static void launch() {
		browser = Browser.launch();
	}

	@AfterAll
	static void close() {
		if (browser != null) browser.close();
	}

	Page login(String username) {
		var page = browser.newContext().newPage();
		page.navigate(api.base() + "/login");
		Browser.signIn(page, username, IdentityFixture.PASSWORD);
		assertThat(page.locator("h1")).containsText("您好");
		return page;
	}

	@Test
	void answeredCallPopsTheOrderFormOnTheDeskAndTheWallboardFollows() throws Exception {
		Sipp.assumeInstalled();
		var unique = IdentityFixture.unique("");
		var agentName = "deskagent" + unique;
		var supName = "desksup" + unique;
		given.user(agentName, given.rootId(), "AGENT");
		given.user(supName, given.rootId(), "SUPERVISOR");
		var supervisor = api.as(supName, IdentityFixture.PASSWORD);
		var extension = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999));
		var queue = "desk" + Math.abs(unique.hashCode());
		assertThat(supervisor.put("/api/contact/agents/" + agentName,
				Map.of("extension", extension, "password", "sip-" + unique, "skills", Map.of(queue + "技能", 3))).status()).isEqualTo(200);
		assertThat(supervisor.sendAs("PUT", "/api/contact/plan", "application/yaml", """
				queues:
				  %1$s: {label: 桌面测试, strategy: skills, skills: {%1$s技能: 3}, max_wait: 30s, wrap_up: 1s}
				flows:
				  - number: "12345"
				    start: staffed
				    nodes:
				      staffed: {queue: %1$s}
				""".formatted(queue)).status()).isEqualTo(200);
		int port = center.sipPort().orElseThrow();
		var register = Sipp.scenario("register", "127.0.0.1", port).set("user", extension).set("expires", 300)
			.set("expect", 200).credentials(extension, "sip-" + unique);
		assertThat(register.run().passed()).isTrue();
		var phone = Sipp.scenario("agent-answer", "127.0.0.1", port).localPort(register.localPort()).set("ring", 500)
			.set("audio", CallerScript.SPEECH).start();

		var desk = login(agentName);
		desk.navigate(api.base() + "/console/desk");
		assertThat(desk.locator("#agent-state")).hasText("未签入");
		assertThat(desk.locator("#agent-phone")).hasText("已注册");
		desk.locator("#state-available").click();
		assertThat(desk.locator("#agent-state")).hasText("空闲");

		var board = login(supName);
		board.navigate(api.base() + "/console/wallboard");
		assertThat(board.locator("#agents [data-agent='" + agentName + "'] .state")).hasText("空闲");

		var caller = "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
		var citizen = Sipp.caller("127.0.0.1", port, "12345", caller, new CallerScript().speak().pause(9000), true).start();

		// the screen pop: the order form, linked to the call, with the caller's number and history
		desk.waitForURL(url -> url.contains("/console/work-orders/new?callId="), new Page.WaitForURLOptions().setTimeout(15_000));
		assertThat(desk.locator("#call-banner")).containsText(caller);
		assertThat(desk.locator("#order-caller-phone")).hasValue(caller);
		assertThat(desk.locator("#history")).containsText("来电历史");
		assertThat(board.locator("#agents [data-agent='" + agentName + "'] .state")).hasText("通话中");
		// the queue's strategy in words, also after the board's refresh
		assertThat(board.locator("#queues")).containsText("技能优先");
		assertThat(board.locator("#queues")).not().containsText("skills");
		Browser.screenshot(desk, "contact-screen-pop");
		// the big screen: figures in the supervisor's words, the charts drawn, no engineer's figures
		assertThat(board.locator("#active-calls")).hasText(Pattern.compile("^[1-9][0-9]*$"));
		assertThat(board.locator("#chart-agents canvas")).hasCount(1);
		assertThat(board.locator("#chart-trend canvas")).hasCount(1);
		assertThat(board.locator("#chart-service-level canvas")).hasCount(1);
		assertThat(board.locator("#board-kpis")).containsText("15秒接通率");
		assertThat(board.locator("#wallboard")).not().containsText("p99");
		Browser.screenshot(board, "contact-wallboard");

		desk.locator("#order-title").fill("来电反映路灯不亮");
		desk.locator("#order-content").fill("市民来电反映小区门口路灯坏了两个星期。");
		desk.locator("#order-submit").click();
		assertThat(desk.locator(".alert.success")).containsText("已登记工单");

		// back on the desk during the call: hold (the citizen hears music) and take the call back
		desk.navigate(api.base() + "/console/desk");
		desk.locator("#hold-toggle").click();
		assertThat(desk.locator("#on-hold")).hasText("保持中");
		assertThat(desk.locator("#hold-toggle")).hasText("恢复通话");
		Browser.screenshot(desk, "contact-desk-hold");
		desk.locator("#hold-toggle").click();
		assertThat(desk.locator(".alert.success")).containsText("已恢复通话");
		assertThat(desk.locator("#on-hold")).hasCount(0);

		assertThat(citizen.await().passed()).isTrue();
		assertThat(phone.await().passed()).isTrue();
		var callId = jdbc.queryForObject("select call_id from work_order where call_id is not null and title = ?",
				String.class, "来电反映路灯不亮");
		assertThat(callId).isNotBlank();
		assertThat(board.locator("#queues [data-queue='" + queue + "'] td").nth(6)).hasText("1");
		assertThat(board.locator("#kpi-answered")).hasText(Pattern.compile("^[1-9][0-9]*$"));

		// the call in the console: listed with its result, its page plays the recording and links the order
		// (its record is completed when the engine has finished the call, just after the phones hung up)
		org.minsheng.testsupport.Eventually.value(() -> jdbc.queryForObject(
				"select count(*) from contact_call where agent = ? and disposition <> 'IN_PROGRESS'", Integer.class, agentName),
				n -> n == 1, java.time.Duration.ofSeconds(10));
		board.navigate(api.base() + "/console/calls?agent=" + agentName);
		assertThat(board.locator("#calls-total")).hasText("共 1 通");
		var row = board.locator("#calls tr[data-call='" + callId + "']");
		assertThat(row).containsText("人工接通");
		row.locator("a").first().click();
		assertThat(board.locator("#call-agent")).hasText(agentName);
		assertThat(board.locator("#call-queue-events")).containsText("进入队列");
		assertThat(board.locator("#call-legs")).containsText("已接听");
		assertThat(board.locator("#call-orders")).containsText("来电反映路灯不亮");
		var player = board.locator("#call-recording");
		assertThat(player).hasCount(1);
		// the player can start anywhere: the recording answers byte ranges
		var part = board.request().get(player.evaluate("a => a.src").toString(),
				com.microsoft.playwright.options.RequestOptions.create().setHeader("Range", "bytes=0-43"));
		org.assertj.core.api.Assertions.assertThat(part.status()).isEqualTo(206);
		org.assertj.core.api.Assertions.assertThat(new String(part.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII))
			.isEqualTo("RIFF");
		Browser.screenshot(board, "contact-call-page");
		board.locator("#call-orders a").first().click();
		assertThat(board.locator("#order-call a")).hasText("通话详情");
		// the agent sees the call among their own
		desk.navigate(api.base() + "/console/calls");
		assertThat(desk.locator("#calls tr[data-call='" + callId + "']")).hasCount(1);
		Browser.screenshot(desk, "contact-calls-agent");

		// 回访 from the order page: the center calls the citizen (who sees the hotline's number), the
		// agent's phone rings when they answer, the desk opens the order, and the number is never shown
		var orderNo = jdbc.queryForObject("select order_no from work_order where call_id = ?", String.class, callId);
		Eventually.value(() -> supervisor.get("/api/contact/agents/" + agentName).json().get("state").asString(),
				"AVAILABLE"::equals, Duration.ofSeconds(10));
		var phoneAgain = Sipp.scenario("agent-answer", "127.0.0.1", port).localPort(register.localPort()).set("ring", 300)
			.set("audio", CallerScript.SPEECH).start();
		var citizenLine = Sipp.scenario("gateway-answer", "127.0.0.1", port).localPort(Sipp.gatewayPort())
			.set("number", caller).set("callerId", "12345").set("ring", 300).set("audio", CallerScript.SPEECH)
			.set("talk", 20_000).timeout(Duration.ofSeconds(60)).start();
		desk.navigate(api.base() + "/console/work-orders/" + orderNo);
		assertThat(desk.locator("#call-citizen")).containsText("号码不在页面上显示");
		desk.locator("#call-citizen-submit").click();
		assertThat(desk.locator("[role=status]")).containsText("正在呼叫市民");
		desk.navigate(api.base() + "/console/desk");
		desk.waitForURL(url -> url.endsWith("/console/work-orders/" + orderNo), new Page.WaitForURLOptions().setTimeout(30_000));
		assertThat(citizenLine.await().passed()).isTrue();
		assertThat(phoneAgain.await().passed()).isTrue();
		Eventually.value(() -> jdbc.queryForObject("select count(*) from contact_call where work_order_no = ? and disposition = 'OUTBOUND'",
				Integer.class, orderNo), n -> n == 1, Duration.ofSeconds(15));
		desk.reload();
		assertThat(desk.locator("#order-calls tr[data-disposition=OUTBOUND]")).containsText("外呼已接通");
		assertThat(desk.locator("#order-calls tr[data-disposition=OUTBOUND] audio")).hasCount(1);
		org.assertj.core.api.Assertions.assertThat(desk.content()).doesNotContain(caller);
		Browser.screenshot(desk, "contact-order-calls");
	}

	@Test
	void supervisorEditsTheCallPlanAndAMistakeIsShownWithItsPlace() {
		var unique = IdentityFixture.unique("");
		var supName = "plansup" + unique;
		given.user(supName, given.rootId(), "SUPERVISOR");
		var page = login(supName);
		page.navigate(api.base() + "/console/call-center");
		var original = page.locator("#plan-text").inputValue();
		assertThat(original).contains("queues:");

		page.locator("#plan-text").fill(original.replaceFirst("queue: ([^\\n}]+)", "queue: 不存在的队列"));
		page.locator("#plan-save").click();
		assertThat(page.locator(".alert.error")).containsText("方案中没有名为“不存在的队列”的队列");
		Browser.screenshot(page, "contact-admin-plan-error");
		assertThat(page.locator("#plan-text")).hasValue(Pattern.compile("不存在的队列"));

		page.locator("#plan-text").fill(original);
		page.locator("#plan-save").click();
		assertThat(page.locator(".alert.success")).containsText("呼叫方案已生效");

		page.locator("#agent-username").fill("planagent" + unique);
		page.locator("#agent-extension").fill(String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999)));
		page.locator("#agent-password").fill("sip-" + unique);
		page.locator("#agent-skills").fill("政策咨询:4, 投诉举报:2");
		page.locator("#agent-save").click();
		assertThat(page.locator(".alert.success")).containsText("planagent" + unique);
		assertThat(page.locator("#agent-accounts [data-agent='planagent" + unique + "']")).containsText("政策咨询 4");
	}
}
