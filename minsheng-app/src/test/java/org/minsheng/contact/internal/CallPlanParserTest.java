package org.minsheng.contact.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.minsheng.platform.InvalidFieldException;
import org.springframework.core.io.ClassPathResource;

class CallPlanParserTest {

	static String demo() throws Exception {
		return new ClassPathResource("contact/call-plan.yml").getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void readsTheDemoPlanOf12345() throws Exception {
		var plan = CallPlanParser.parse(demo());

		var flow = plan.flowFor("12345").orElseThrow();
		assertThat(flow.start()).isEqualTo("welcome");
		var menu = (FlowNode.Menu) flow.nodes().get("menu");
		assertThat(menu.options()).containsEntry('1', "consult").containsEntry('2', "complaint")
			.containsEntry('3', "progress").containsEntry('0', "staffed");
		assertThat(menu.fallback()).isEqualTo("staffed");
		assertThat(plan.queues().get("政策咨询").strategy().name()).isEqualTo("skills");
		assertThat(plan.queues().get("政策咨询").overflow()).isEqualTo("queue:人工服务");
		assertThat(plan.queues().get("人工服务").ringTimeout()).isEqualTo(Duration.ofSeconds(15));
		assertThat(plan.queues().get("人工服务").callback()).isEqualTo(new QueuePlan.Callback(Duration.ofSeconds(60), 3,
				Duration.ofMinutes(2)));
		assertThat(plan.queues().get("政策咨询").callback()).isEqualTo(QueuePlan.Callback.NONE);
		assertThat(plan.flowFor("99999")).isEmpty();
	}

	@Test
	void readsEarlyMediaAndIvrRecordingPerFlowAndRefusesUnknownSettings() throws Exception {
		var yaml = """
				queues: {q: {}}
				flows:
				  - number: "1"
				    start: a
				    early_media: true
				    record_ivr: true
				    nodes:
				      a: {hangup: 系统维护中}
				""";
		var flow = CallPlanParser.parse(yaml).flowFor("1").orElseThrow();
		assertThat(flow.earlyMedia()).isTrue();
		assertThat(flow.recordIvr()).isTrue();
		assertThat(CallPlanParser.parse(demo()).flowFor("12345001").orElseThrow().earlyMedia()).isFalse();

		assertThatThrownBy(() -> CallPlanParser.parse(yaml.replace("early_media: true", "early_media: 是")))
			.isInstanceOf(InvalidFieldException.class)
			.extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("flows[0].early_media");
		assertThatThrownBy(() -> CallPlanParser.parse(demo().replace("callback_after: 60s", "callback_afer: 60s")))
			.isInstanceOf(InvalidFieldException.class)
			.extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("queues.人工服务.callback_afer");
		assertThatThrownBy(() -> CallPlanParser.parse(yaml.replace("record_ivr: true", "record_ivrs: true")))
			.isInstanceOf(InvalidFieldException.class).hasMessageContaining("未知的流程设置")
			.extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("flows[0].record_ivrs");
	}

	@Test
	void namesTheNodeAMenuPointsToThatDoesNotExist() throws Exception {
		var broken = demo().replace("\"2\": complaint", "\"2\": complaints");

		assertThatThrownBy(() -> CallPlanParser.parse(broken)).isInstanceOf(InvalidFieldException.class)
			.hasMessage("没有名为“complaints”的节点")
			.extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("flows[0].nodes.menu.options.2");
	}

	@Test
	void refusesUnknownStrategyAndOverflowToAMissingQueue() throws Exception {
		assertThatThrownBy(() -> CallPlanParser.parse(demo().replace("strategy: longest-idle", "strategy: fastest")))
			.hasMessageContaining("未知的分配策略“fastest”");
		assertThatThrownBy(() -> CallPlanParser.parse(demo().replaceFirst("overflow: queue:人工服务", "overflow: queue:夜班")))
			.isInstanceOf(InvalidFieldException.class).hasMessageContaining("夜班");
	}

	@Test
	void refusesNodeThatDoesTwoThings() {
		var yaml = """
				queues: {q: {}}
				flows:
				  - number: "1"
				    start: a
				    nodes:
				      a: {play: 你好, queue: q}
				""";
		assertThatThrownBy(() -> CallPlanParser.parse(yaml)).hasMessageContaining("只做一件事")
			.extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("flows[0].nodes.a");
	}

	@Test
	void refusesSkillLevelOutsideOneToFive() {
		var yaml = """
				queues: {q: {strategy: skills, skills: {社保: 7}}}
				flows: [{number: "1", start: a, nodes: {a: {queue: q}}}]
				""";
		assertThatThrownBy(() -> CallPlanParser.parse(yaml)).hasMessage("技能等级为 1 到 5")
			.extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("queues.q.skills.社保");
	}

	@Test
	void refusesYamlThatIsNotYaml() {
		assertThatThrownBy(() -> CallPlanParser.parse("queues: [unclosed")).isInstanceOf(InvalidFieldException.class)
			.hasMessageStartingWith("不是可读的 YAML");
	}

	@Test
	void namesTheSettingWhoseValueHasTheWrongTypeInChinese() {
		var yaml = """
				queues: {q: {ring_timeout: 15秒, max_no_answer: 两次}}
				flows: [{number: "1", start: a, nodes: {a: {queue: q}}}]
				""";
		assertThatThrownBy(() -> CallPlanParser.parse(yaml)).isInstanceOf(InvalidFieldException.class)
			.hasMessageContaining("应为时长")
			.extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("queues.q.ring_timeout");
		assertThatThrownBy(() -> CallPlanParser.parse(yaml.replace("ring_timeout: 15秒", "ring_timeout: 15s")))
			.hasMessageContaining("应为整数")
			.extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("queues.q.max_no_answer");
		assertThatThrownBy(() -> CallPlanParser.parse("queues: {q: {callback_attempts: 11}}\nflows: [{number: \"1\", start: a, nodes: {a: {queue: q}}}]"))
			.hasMessage("回拨尝试次数为 1 到 10")
			.extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("queues.q.callback_attempts");
		assertThatThrownBy(() -> CallPlanParser.parse("queues: {q: {overflow: 挂机}}\nflows: [{number: \"1\", start: a, nodes: {a: {queue: q}}}]"))
			.extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("queues.q.overflow");
	}

	@Test
	void refusesTwoNodesOfTheSameNameInsteadOfKeepingTheLast() {
		var yaml = """
				queues: {q: {}}
				flows:
				  - number: "1"
				    start: a
				    nodes:
				      a: {queue: q}
				      a: {hangup: 再见}
				""";
		assertThatThrownBy(() -> CallPlanParser.parse(yaml)).isInstanceOf(InvalidFieldException.class)
			.hasMessageContaining("键“a”写了两次");
	}

	@Test
	void takesTheDefaultsForWhatThePlanLeavesOutAndBareNumbersAsSeconds() {
		var plan = CallPlanParser.parse("""
				queues: {q: {announce_every: 45}}
				flows:
				  - number: 12345
				    start: a
				    nodes:
				      a: {collect: 请输入, into: no, next: b}
				      b: {voicemail: 请留言, max: 2m}
				      c: {route_time: , working: a, off_hours: b}
				      d: {hangup: }
				""");
		var q = plan.queues().get("q");
		assertThat(q.strategy().name()).isEqualTo("longest-idle");
		assertThat(q.announceEvery()).isEqualTo(Duration.ofSeconds(45));
		assertThat(q.ringTimeout()).isEqualTo(Duration.ofSeconds(15));
		assertThat(q.overflow()).isEqualTo("voicemail");
		assertThat(q.callback()).isEqualTo(QueuePlan.Callback.NONE);
		var flow = plan.flowFor("12345").orElseThrow();
		assertThat(((FlowNode.Collect) flow.nodes().get("a")).max()).isEqualTo(20);
		assertThat(((FlowNode.Collect) flow.nodes().get("a")).terminator()).isEqualTo('#');
		assertThat(((FlowNode.Voicemail) flow.nodes().get("b")).max()).isEqualTo(Duration.ofMinutes(2));
		assertThat(((FlowNode.RouteTime) flow.nodes().get("c")).hours()).isNull();
		assertThat(((FlowNode.Hangup) flow.nodes().get("d")).text()).isEmpty();
	}
}
