package org.minsheng.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.minsheng.MinshengApplication;
import org.minsheng.testsupport.Api;
import org.minsheng.testsupport.EmbeddedPostgresSupport;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/** Starting the jar's application class as a newcomer would, with nothing configured. */
@ExtendWith(OutputCaptureExtension.class)
class FirstStartTest {

	@Test
	void firstStartGeneratesTheAdminPasswordPrintsItOnceAndSeedsTheDemoCity(@TempDir Path dataDir,
			CapturedOutput output) {
		try (var context = SpringApplication.run(MinshengApplication.class, "--server.port=0",
				"--minsheng.data-dir=" + dataDir, "--minsheng.identity.admin-password=", "--spring.profiles.active=demo")) {
			var matcher = Pattern.compile("密码 password:\\s+(\\S+)").matcher(output.getOut());
			assertThat(matcher.find()).as("the generated password is printed").isTrue();
			var password = matcher.group(1);
			assertThat(matcher.find()).as("and printed only once").isFalse();
			assertThat(Files.exists(dataDir.resolve("db/minsheng.mv.db"))).as("H2 file database in the data folder")
				.isTrue();
			assertThat(Files.exists(dataDir.resolve("keys/privacy-keys.properties"))).isTrue();

			var api = new Api(((WebServerApplicationContext) context).getWebServer().getPort());
			var admin = api.as("admin", password);
			assertThat(admin.get("/api/me").status()).isEqualTo(200);

			var departments = admin.get("/api/departments").json();
			var names = departments.valueStream().map(d -> d.get("name").asString()).toList();
			assertThat(names).contains("南山区人民政府", "南头街道办事处", "深圳市住房和建设局", "福田区城市管理和综合执法局");
			assertThat(departments.size()).isGreaterThan(120);
			var nanshan = departments.valueStream()
				.filter(d -> d.get("name").asString().equals("南山区人民政府"))
				.findFirst()
				.orElseThrow();
			assertThat(nanshan.get("divisionCode").asString()).isEqualTo("440305");

			var users = admin.get("/api/users").json();
			var roles = users.valueStream().flatMap(u -> u.get("roles").valueStream()).map(r -> r.asString()).toList();
			assertThat(roles).contains("AGENT", "DISPATCHER", "HANDLER", "DEPARTMENT_ADMIN", "QUALITY_INSPECTOR",
					"SUPERVISOR", "ANALYST", "SYSTEM_ADMIN");
			var agent = Pattern.compile("agent01\\s+(\\S+)").matcher(output.getOut());
			assertThat(agent.find()).isTrue();
			assertThat(api.as("agent01", agent.group(1)).get("/api/me").status()).isEqualTo(200);
			var district = Pattern.compile("district01\\s+(\\S+)").matcher(output.getOut());
			assertThat(district.find()).isTrue();
			var seen = api.as("district01", district.group(1)).get("/api/departments").json();
			assertThat(seen.size()).as("a district admin sees its district's subtree only").isBetween(5, 40);

			var agentApi = api.as("agent01", agent.group(1));
			var seat = agentApi.get("/api/contact/agents/agent01").json();
			assertThat(seat.get("extension").asString()).as("agent01 has a softphone account").isEqualTo("8001");
			assertThat(output.getOut()).containsPattern("SIP 8001\\s+[0-9a-f]{12}");
			var guides = agentApi.get("/api/kb/search?type=GUIDE&top=3&q="
					+ java.net.URLEncoder.encode("中小学地方课程教材初审", java.nio.charset.StandardCharsets.UTF_8)).json();
			assertThat(guides.get(0).get("title").asString()).as("the Guangdong service guides are searchable")
				.isEqualTo("中小学地方课程教材初审");
			// the Shenzhen hotline FAQ answers what callers ask first, in the words they use
			for (var asked : java.util.Map.of("社保卡补办", "社保卡丢了怎么补办", "公积金提取", "住房公积金怎么提取",
					"工地晚上施工太吵", "小区夜间施工噪音扰民怎么投诉", "老板不发工资", "公司拖欠工资怎么投诉").entrySet()) {
				var hits = agentApi.get("/api/kb/search?type=FAQ&top=3&q="
						+ java.net.URLEncoder.encode(asked.getKey(), java.nio.charset.StandardCharsets.UTF_8)).json();
				assertThat(hits.get(0).get("title").asString()).as(asked.getKey()).isEqualTo(asked.getValue());
			}
			// the last 90 days, played through the services: every state of the loop has orders to show
			var supervisor = Pattern.compile("supervisor01\\s+(\\S+)").matcher(output.getOut());
			assertThat(supervisor.find()).isTrue();
			var lead = api.as("supervisor01", supervisor.group(1));
			var total = lead.get("/api/work-orders?size=1").json().get("total").asLong();
			assertThat(total).as("sample orders").isBetween(300L, 400L);
			assertThat(lead.get("/api/work-orders?size=1&state=CLOSED").json().get("total").asLong()).isGreaterThan(200);
			var waiting = java.util.List.of("DISPATCHED", "IN_PROGRESS", "REPLIED", "PENDING_CALLBACK").stream()
				.filter(state -> lead.get("/api/work-orders?size=1&state=" + state).json().get("total").asLong() > 0)
				.toList();
			assertThat(waiting).as("the latest orders wait at the stages of the loop (which ones depends on the weekday)")
				.hasSizeGreaterThanOrEqualTo(3);
			var closed = lead.get("/api/work-orders?size=500&state=CLOSED").json().get("items");
			var oldest = closed.valueStream().map(o -> java.time.OffsetDateTime.parse(o.get("registeredAt").asString()))
				.min(java.util.Comparator.naturalOrder()).orElseThrow();
			assertThat(oldest).as("spread over the last 90 days")
				.isBefore(java.time.OffsetDateTime.now().minusDays(60));
			var loops = closed.valueStream().limit(40)
				.map(o -> lead.get("/api/work-orders/" + o.get("no").asString() + "/timeline").json())
				.map(t -> t.valueStream().map(e -> e.get("action").asString()).toList())
				.toList();
			assertThat(loops).as("closed orders went the whole loop, dispatched by hand")
				.anySatisfy(actions -> assertThat(actions).contains("REGISTERED", "DISPATCHED", "SIGNED", "REPLIED",
						"REVIEW_APPROVED", "CALLED_BACK", "CLOSED"));
			assertThat(loops).as("or by the 权责清单").anySatisfy(actions -> assertThat(actions).contains("AUTO_DISPATCHED",
					"SIGNED", "REPLIED", "CALLED_BACK", "CLOSED"));
			assertThat(loops).as("and consultations were answered on the spot")
				.anySatisfy(actions -> assertThat(actions).contains("CLOSED_ON_SPOT"));
			assertThat(lead.get("/api/work-orders?size=1&supervised=true").json().get("total").asLong()).isPositive();
			assertThat(admin.get("/api/responsibility-rules").json().size()).as("权责清单").isGreaterThan(50);
			var models = lead.get("/api/nlp/models").json();
			assertThat(models.valueStream().filter(m -> m.get("active").asBoolean()).map(m -> m.get("kind").asString())
				.toList()).as("models trained on the closed orders").contains("CATEGORY", "DEPARTMENT");

			// the seeding's entries say so: nobody takes them for a person's work
			var seeded = admin.get("/api/audit?action=WORK_ORDER_REGISTERED&size=5").json().get("items");
			assertThat(seeded.size()).isPositive();
			assertThat(seeded.valueStream().map(e -> e.get("source").asString()).toList())
				.allMatch(source -> source.equals("演示数据（系统生成）"));
			assertThat(admin.get("/api/audit?action=USER_CREATED&actor=admin&size=1").json().get("items").get(0)
				.get("source").asString()).isEqualTo("演示数据（系统生成）");

			var all = agentApi.get("/api/kb/search?type=FAQ&top=10&q="
					+ java.net.URLEncoder.encode("台北 悠游卡", java.nio.charset.StandardCharsets.UTF_8)).json();
			assertThat(all.valueStream().map(h -> h.get("title").asString()).toList()).as("no Taipei content in the Shenzhen demo")
				.noneMatch(t -> t.contains("悠游卡") || t.contains("台北"));
		}
	}

	@Test
	void aRestartKeepsTheDataAndPrintsNoNewPassword(@TempDir Path dataDir, CapturedOutput output) {
		var args = new String[] { "--server.port=0", "--minsheng.data-dir=" + dataDir,
				"--minsheng.identity.admin-password=" + Api.ADMIN_PASSWORD };
		try (var first = SpringApplication.run(MinshengApplication.class, args)) {
			assertThat(first.isRunning()).isTrue();
		}
		int printedBefore = count(output.getOut(), "administrator 'admin' created");
		try (var second = SpringApplication.run(MinshengApplication.class, args)) {
			var api = new Api(((WebServerApplicationContext) second).getWebServer().getPort());
			assertThat(api.admin().get("/api/me").status()).isEqualTo(200);
		}
		assertThat(count(output.getOut(), "administrator 'admin' created")).isEqualTo(printedBefore).isEqualTo(1);
	}

	@Test
	void productionRefusesToStartWithoutAnAdminPassword(@TempDir Path dataDir) {
		var url = EmbeddedPostgresSupport.newDatabase();
		assertThatThrownBy(() -> SpringApplication.run(MinshengApplication.class, "--server.port=0",
				"--spring.profiles.active=postgres", "--spring.datasource.url=" + url,
				"--spring.datasource.username=postgres", "--minsheng.data-dir=" + dataDir,
				"--minsheng.identity.admin-password=", "--minsheng.privacy.keys.k1=AAECAwQFBgcICQoLDA0ODw==",
				"--minsheng.privacy.active-key=k1",
				"--minsheng.privacy.index-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="))
			.hasStackTraceContaining("MINSHENG_ADMIN_PASSWORD");
	}

	@Test
	void productionRefusesToStartWithoutPersonalDataKeys(@TempDir Path dataDir) {
		var url = EmbeddedPostgresSupport.newDatabase();
		assertThatThrownBy(() -> SpringApplication.run(MinshengApplication.class, "--server.port=0",
				"--spring.profiles.active=postgres", "--spring.datasource.url=" + url,
				"--spring.datasource.username=postgres", "--minsheng.data-dir=" + dataDir,
				"--minsheng.identity.admin-password=" + Api.ADMIN_PASSWORD))
			.hasStackTraceContaining("No personal-data keys configured");
	}

	private static int count(String text, String needle) {
		int n = 0;
		for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
			n++;
		}
		return n;
	}
}
