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
			.isInstanceOf(InvalidFieldException.class).hasMessageContaining("Unknown flow setting")
			.extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("flows[0].record_ivrs");
	}

	@Test
	void namesTheNodeAMenuPointsToThatDoesNotExist() throws Exception {
		var broken = demo().replace("\"2\": complaint", "\"2\": complaints");

		assertThatThrownBy(() -> CallPlanParser.parse(broken)).isInstanceOf(InvalidFieldException.class)
			.hasMessage("No node named 'complaints'")
			.extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("flows[0].nodes.menu.options.2");
	}

	@Test
	void refusesUnknownStrategyAndOverflowToAMissingQueue() throws Exception {
		assertThatThrownBy(() -> CallPlanParser.parse(demo().replace("strategy: longest-idle", "strategy: fastest")))
			.hasMessageContaining("Unknown strategy 'fastest'");
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
		assertThatThrownBy(() -> CallPlanParser.parse(yaml)).hasMessageContaining("exactly one of")
			.extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("flows[0].nodes.a");
	}

	@Test
	void refusesSkillLevelOutsideOneToFive() {
		var yaml = """
				queues: {q: {strategy: skills, skills: {社保: 7}}}
				flows: [{number: "1", start: a, nodes: {a: {queue: q}}}]
				""";
		assertThatThrownBy(() -> CallPlanParser.parse(yaml)).hasMessage("A skill level is 1 to 5");
	}

	@Test
	void refusesYamlThatIsNotYaml() {
		assertThatThrownBy(() -> CallPlanParser.parse("queues: [unclosed")).isInstanceOf(InvalidFieldException.class)
			.hasMessageStartingWith("Not readable YAML");
	}
}
