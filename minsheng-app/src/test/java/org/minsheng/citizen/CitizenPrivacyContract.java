package org.minsheng.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minsheng.testsupport.Api;
import org.minsheng.testsupport.ApplicationTest;
import org.minsheng.testsupport.IdentityFixture;

abstract class CitizenPrivacyContract extends ApplicationTest {

	static final String NAME = "欧阳娜娜";

	String phone;

	String idNumber;

	Api.Session agent;

	Api.Session supervisor;

	@BeforeEach
	void staff() {
		var agentName = IdentityFixture.unique("agent");
		given.user(agentName, given.rootId(), "AGENT");
		agent = api.as(agentName, IdentityFixture.PASSWORD);
		var supervisorName = IdentityFixture.unique("supervisor");
		given.user(supervisorName, given.rootId(), "SUPERVISOR");
		supervisor = api.as(supervisorName, IdentityFixture.PASSWORD);
		phone = "139" + String.format("%08d", (System.nanoTime() / 1000) % 100_000_000);
		idNumber = "44010619900101" + String.format("%04d", (System.nanoTime() / 7) % 10_000);
	}

	long register() {
		var response = agent.post("/api/citizens", Map.of("name", NAME, "idNumber", idNumber, "gender", "女",
				"phones", List.of(Map.of("number", phone, "label", "手机")),
				"addresses", List.of(Map.of("address", "南山区南头街道深南大道10000号", "divisionCode", "440305001"))));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.id();
	}

	@Test
	void theDatabaseHoldsNoPlainPhoneNameOrIdNumber() {
		long id = register();

		var citizen = jdbc.queryForMap("select * from citizen where id = ?", id).toString();
		var phones = jdbc.queryForList("select * from citizen_phone where citizen_id = ?", id).toString();

		assertThat(citizen).doesNotContain(NAME).doesNotContain(idNumber).doesNotContain(phone);
		assertThat(phones).doesNotContain(phone).doesNotContain(phone.substring(3));
		assertThat(jdbc.queryForObject("select phone_cipher from citizen_phone where citizen_id = ?", String.class, id))
			.startsWith("k1:");
	}

	@Test
	void showsPersonalDataMasked() {
		long id = register();

		var view = agent.get("/api/citizens/" + id).json();

		assertThat(view.get("masked").asBoolean()).isTrue();
		assertThat(view.get("name").asString()).isEqualTo("欧***");
		assertThat(view.get("idNumber").asString()).isEqualTo("4401**********" + idNumber.substring(14));
		assertThat(view.get("phones").get(0).get("number").asString())
			.isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
	}

	@Test
	void findsACitizenByPhoneInAnyCommonFormThroughTheBlindIndex() {
		long id = register();
		var spaced = "+86 " + phone.substring(0, 3) + " " + phone.substring(3, 7) + "-" + phone.substring(7);

		var found = agent.get("/api/citizens?phone=" + java.net.URLEncoder.encode(spaced,
				java.nio.charset.StandardCharsets.UTF_8)).json();

		assertThat(found.size()).isEqualTo(1);
		assertThat(found.get(0).get("id").asLong()).isEqualTo(id);
		assertThat(agent.get("/api/citizens?idNumber=" + idNumber).json().get(0).get("id").asLong()).isEqualTo(id);
	}

	@Test
	void unmaskingNeedsThePermissionAndIsAudited() {
		long id = register();

		assertThat(agent.post("/api/citizens/" + id + "/unmask", Map.of("reason", "回访")).status()).isEqualTo(403);
		assertThat(supervisor.post("/api/citizens/" + id + "/unmask", Map.of()).status()).isEqualTo(400);
		var clear = supervisor.post("/api/citizens/" + id + "/unmask", Map.of("reason", "核实来电人身份"));

		assertThat(clear.status()).isEqualTo(200);
		assertThat(clear.json().get("name").asString()).isEqualTo(NAME);
		assertThat(clear.json().get("phones").get(0).get("number").asString()).isEqualTo(phone);
		assertThat(count("select count(*) from audit_entry where action = 'PERSONAL_DATA_UNMASKED'"
				+ " and target_id = ? and detail like '%核实来电人身份%'", String.valueOf(id))).isEqualTo(1);
	}

	@Test
	void rejectsABadPhoneNumberAndWritesNothing() {
		long before = count("select count(*) from citizen");

		var response = agent.post("/api/citizens", Map.of("name", "张三",
				"phones", List.of(Map.of("number", "13800000000"), Map.of("number", "12ab"))));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("field").asString()).isEqualTo("phones[1].number");
		assertThat(count("select count(*) from citizen")).isEqualTo(before);
	}
}
