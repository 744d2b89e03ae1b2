package org.minsheng.workorder.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minsheng.testsupport.ApplicationTest;
import org.minsheng.testsupport.Eventually;
import org.minsheng.testsupport.OnH2;
import org.minsheng.testsupport.TestClock;
import org.minsheng.workorder.RegistrationScreen;
import org.minsheng.workorder.WorkOrderFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A screen that fails never fails a registration: the order is kept and goes on, the failure shows
 * on the order, and the screening runs again until it passes. The failing screen here sits beside
 * the real ones (text intelligence's), which run again with it.
 */
@OnH2
@Import(ScreeningOnH2Test.Broken.class)
// the test runs the sweep itself
@org.springframework.test.context.TestPropertySource(properties = "minsheng.workorder.screening-sweep-interval=1h")
class ScreeningOnH2Test extends ApplicationTest {

	/** A screen that throws while {@link #failing} is set, as a screen whose database or model is away would. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Broken {

		static final AtomicBoolean failing = new AtomicBoolean();

		static final AtomicInteger runs = new AtomicInteger();

		@Bean
		RegistrationScreen brokenScreen() {
			return (no, title, content, divisionCode) -> {
				if (!content.contains("ScreeningOnH2Test")) return;
				runs.incrementAndGet();
				if (content.contains("一直坏")) throw new IllegalStateException("这一张读不了");
				if (failing.get()) throw new IllegalStateException("模型文件暂不可读");
			};
		}
	}

	@Autowired
	Screening screening;

	WorkOrderFixture hotline;

	@BeforeEach
	void hotline() {
		hotline = new WorkOrderFixture(api, given);
	}

	@AfterEach
	void healed() {
		Broken.failing.set(false);
		TestClock.INSTANCE.reset();
	}

	@Test
	void aFailingScreenLeavesTheOrderRegisteredShowsTheFailureAndRunsAgainUntilItPasses() {
		Broken.failing.set(true);
		var body = hotline.order("路灯不亮");
		body.put("content", "南山区南头街道中山路的路灯坏了三天，晚上很黑 ScreeningOnH2Test");
		body.put("divisionCode", "440305001");
		var registered = hotline.agent.post("/api/work-orders", body);
		assertThat(registered.status()).isEqualTo(201);
		var no = registered.json().get("no").asString();

		var failed = Eventually.value(() -> hotline.agent.get("/api/work-orders/" + no).json().get("screening"),
				s -> s != null && !s.isNull(), Duration.ofSeconds(10));
		assertThat(failed.get("attempts").asInt()).isEqualTo(1);
		assertThat(failed.get("error").asString()).contains("模型文件暂不可读");
		assertThat(hotline.agent.get("/api/work-orders/" + no).json().get("state").asString())
			.isEqualTo("PENDING_DISPATCH");
		var page = api.console(hotline.usernames.get("agent"), org.minsheng.testsupport.IdentityFixture.PASSWORD)
			.get("/console/work-orders/" + no);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("智能筛查").contains("自动重试");

		// not before its delay
		assertThat(screening.sweepNow()).isZero();
		TestClock.INSTANCE.advance(Duration.ofSeconds(31));
		Broken.failing.set(false);
		assertThat(screening.sweepNow()).isEqualTo(1);
		assertThat(hotline.agent.get("/api/work-orders/" + no).json().get("screening").isNull()).isTrue();
		assertThat(count("select count(*) from work_order_screening where no = ?", no)).isZero();
		// the real screens ran again with it: the order's fingerprint is kept once
		assertThat(count("select count(*) from nlp_order_signature where no = ?", no)).isEqualTo(1);
	}

	@Test
	void aScreeningLostWithItsRunnerIsTakenAgainOnceItsLeaseRunsOut() {
		var body = hotline.order("井盖缺失");
		body.put("content", "南山区南头街道的井盖丢了 ScreeningOnH2Test");
		var no = hotline.agent.post("/api/work-orders", body).json().get("no").asString();
		Eventually.value(() -> count("select count(*) from work_order_screening where no = ?", no), n -> n == 0,
				Duration.ofSeconds(10));
		int before = Broken.runs.get();
		// as a node that died after the commit, before its worker ran, would leave it
		jdbc.update("insert into work_order_screening (no, state, attempts, next_attempt_at, updated_at)"
				+ " values (?, 'PENDING', 0, ?, ?)", no, java.time.OffsetDateTime.now().plusMinutes(2),
				java.time.OffsetDateTime.now());
		assertThat(screening.sweepNow()).isZero();
		TestClock.INSTANCE.advance(Duration.ofMinutes(3));
		assertThat(screening.sweepNow()).isPositive();
		assertThat(Broken.runs.get()).isEqualTo(before + 1);
		assertThat(count("select count(*) from work_order_screening where no = ?", no)).isZero();
		assertThat(count("select count(*) from nlp_order_signature where no = ?", no)).isEqualTo(1);
	}

	@Test
	void aBatchWithOneFailingOrderEndsTheOthersScreeningsAndMarksOnlyThatOne() {
		var batch = new java.util.ArrayList<Screening.Queued>();
		for (var content : java.util.List.of("南山区南头街道深南大道噪音扰民 ScreeningOnH2Test", "南山区南头街道井盖一直坏 ScreeningOnH2Test",
				"南山区南头街道路面积水 ScreeningOnH2Test")) {
			var body = hotline.order("批量筛查");
			body.put("content", content.replace("一直坏", "缺失"));
			body.put("divisionCode", "440305001");
			var no = hotline.agent.post("/api/work-orders", body).json().get("no").asString();
			Eventually.value(() -> count("select count(*) from work_order_screening where no = ?", no), n -> n == 0,
					Duration.ofSeconds(10));
			// as the registration leaves it, so that the batch can claim it
			jdbc.update("insert into work_order_screening (no, state, attempts, next_attempt_at, updated_at)"
					+ " values (?, 'PENDING', 0, ?, ?)", no, java.time.OffsetDateTime.now().plusMinutes(2),
					java.time.OffsetDateTime.now());
			batch.add(new Screening.Queued(new org.minsheng.workorder.WorkOrderNo(no),
					new Screening.Text("批量筛查", content, "440305001")));
		}

		screening.runBatch(batch);

		var failing = batch.get(1).no().value();
		assertThat(jdbc.queryForObject("select state from work_order_screening where no = ?", String.class, failing))
			.isEqualTo("FAILED");
		assertThat(hotline.agent.get("/api/work-orders/" + failing).json().get("screening").get("error").asString())
			.contains("这一张读不了");
		for (var passed : java.util.List.of(batch.get(0), batch.get(2))) {
			assertThat(count("select count(*) from work_order_screening where no = ?", passed.no().value())).isZero();
			assertThat(count("select count(*) from nlp_order_signature where no = ?", passed.no().value())).isEqualTo(1);
		}
		// the other tests count what the sweep runs
		jdbc.update("delete from work_order_screening where no = ?", failing);
	}

	/** Orders of one district are compared with each other, so one worker screens them one after another. */
	@Test
	void ordersOfOneDistrictGoToOneWorker() {
		for (var street : java.util.List.of("440304001", "440304007", "440304")) {
			assertThat(Screening.partition(street, 2)).isEqualTo(Screening.partition("440304008", 2));
		}
		assertThat(Screening.partition(null, 2)).isZero();
		assertThat(java.util.stream.IntStream.range(0, 2).boxed().toList()).containsAll(java.util.stream.Stream
			.of("440303", "440304", "440305", "440306", "440307", "440308", "440309", "440310", "440311")
			.map(d -> Screening.partition(d, 2))
			.toList());
	}

	@Test
	void retriesWaitLongerEachTimeUpToAnHour() {
		assertThat(Screening.retryDelay(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(Screening.retryDelay(2)).isEqualTo(Duration.ofMinutes(1));
		assertThat(Screening.retryDelay(4)).isEqualTo(Duration.ofMinutes(4));
		assertThat(Screening.retryDelay(20)).isEqualTo(Duration.ofHours(1));
	}
}
