package org.minsheng.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minsheng.testsupport.Api;
import org.minsheng.testsupport.ApplicationTest;
import org.minsheng.testsupport.IdentityFixture;
import org.minsheng.workorder.WorkOrderFixture;

/**
 * No console URL answers 500. Every route that takes an id is walked with ids that do not exist,
 * that are malformed and that lie outside the user's scope: each gets the same 404 page, so a
 * person cannot tell "not there" from "not yours". List pages with nonsense in their filters answer
 * a page, never an error of the server.
 */
abstract class ConsoleRoutesContract extends ApplicationTest {

	WorkOrderFixture hotline;

	@BeforeEach
	void hotline() {
		hotline = new WorkOrderFixture(api, given);
	}

	Api.Console console(String who) {
		return api.console(hotline.usernames.get(who), IdentityFixture.PASSWORD);
	}

	@Test
	void theBellCountsOnlyTheWorkOfThePersonsRoleWithinTheirScope() {
		var no = hotline.dispatchedTo(hotline.district);
		assertThat(no).isNotBlank();

		var district = console("nshandler").getJson("/console/pending");
		assertThat(district.status()).isEqualTo(200);
		var items = district.json().get("items");
		assertThat(items.findValuesAsString("key")).containsExactly("toSign", "handling");
		assertThat(district.json().get("badges").get("inbox").asLong()).isEqualTo(1);
		assertThat(items.get(0).get("label").asString()).isEqualTo("待签收");

		// the other district sees none of it
		var other = console("fthandler").getJson("/console/pending").json();
		assertThat(other.get("badges").get("inbox").asLong()).isZero();
		assertThat(other.get("total").asLong()).isZero();

		// the dispatcher's bell counts what waits for the center, not a department's inbox
		var dispatcher = console("dispatcher").getJson("/console/pending").json();
		assertThat(dispatcher.get("items").findValuesAsString("key")).contains("dispatch").doesNotContain("toSign");
	}

	@Test
	void unknownMalformedAndOutOfScopeIdsGetTheSameNotFoundPage() {
		// an order of the district with a file, which the other district may not see
		var no = hotline.dispatchedTo(hotline.district);
		assertThat(hotline.districtHandler.post("/api/work-orders/" + no + "/sign", null).status()).isEqualTo(200);
		var file = hotline.districtHandler.upload("/api/work-orders/" + no + "/attachments", "现场.png",
				"\u0089PNG photo".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(file.status()).isEqualTo(201);
		long fileId = file.json().get("id").asLong();
		// a knowledge draft of the district, which the other district's handler may not read
		var editorName = IdentityFixture.unique("kbed");
		given.user(editorName, hotline.district, "KNOWLEDGE_EDITOR");
		var draft = api.as(editorName, IdentityFixture.PASSWORD).post("/api/kb/articles", Map.of("type", "FAQ", "departmentId", hotline.district,
				"title", "路灯报修多久修好", "body", "一般三个工作日内修复。", "questions", List.of("路灯坏了多久修")));
		assertThat(draft.status()).as(draft.body()).isEqualTo(201);
		long article = draft.json().get("id").asLong();

		var other = console("fthandler");
		var supervisor = console("supervisor");
		String[] missing = { "/console/work-orders/WO20990101000001", "/console/work-orders/WO1",
				"/console/work-orders/%E5%B7%A5%E5%8D%95", "/console/work-orders/WO20990101000001/attachments/1",
				"/console/work-orders/" + no + "/attachments/987654321", "/console/work-orders/" + no + "/attachments/abc",
				"/console/knowledge/987654321", "/console/knowledge/abc", "/console/knowledge/987654321/edit",
				"/console/knowledge/987654321/attachments/1", "/console/knowledge/" + article + "/attachments/987654321",
				"/console/calls/no-such-call@127.0.0.1", "/console/calls/no-such-call@127.0.0.1/recording",
				"/console/no-such-page" };
		String notFound = null;
		for (var path : missing) {
			var page = supervisor.get(path);
			assertThat(page.status()).as(path).isEqualTo(404);
			assertThat(page.body()).as(path).contains("页面不存在");
			notFound = page.body();
		}
		String[] outOfScope = { "/console/work-orders/" + no, "/console/work-orders/" + no + "/attachments/" + fileId,
				"/console/knowledge/" + article, "/console/knowledge/" + article + "/edit" };
		for (var path : outOfScope) {
			var page = other.get(path);
			assertThat(page.status()).as(path).isEqualTo(404);
			assertThat(page.body()).as(path).isEqualTo(notFound);
		}
		// the same pages are there for those who may see them
		assertThat(console("nshandler").get("/console/work-orders/" + no).status()).isEqualTo(200);
		assertThat(console("nshandler").get("/console/work-orders/" + no + "/attachments/" + fileId).status())
			.isEqualTo(200);
	}

	@Test
	void nonsenseInAListPagesFiltersNeverAnswersAServerError() {
		var supervisor = console("supervisor");
		String[] pages = { "/console/work-orders?state=NOPE", "/console/work-orders?page=-1", "/console/work-orders?page=abc",
				"/console/work-orders?size=100000", "/console/work-orders?categoryId=abc", "/console/work-orders?from=yesterday",
				"/console/work-orders?due=SOON", "/console/work-orders?departmentId=x", "/console/work-orders?phone=abc",
				"/console/work-orders?q=" + "长".repeat(3000), "/console/work-orders/export.xlsx?state=NOPE",
				"/console/work-orders/history?phone=abc", "/console/work-orders/history", "/console/inbox?box=NOPE",
				"/console/inbox?page=abc", "/console/knowledge?page=abc", "/console/knowledge?type=NOPE",
				"/console/knowledge/manage?state=NOPE", "/console/knowledge/reports?period=CENTURY",
				"/console/knowledge/assist", "/console/nlp/analysis", "/console/divisions/options?parent=abc",
				"/console/divisions/chain?code=abc", "/console/divisions/chain?code=999999999", "/console/divisions/chain",
				"/console/audit?page=abc", "/console/audit?from=notadate", "/console/users?page=abc", "/console/departments?x=1",
				"/console/rules?kind=x", "/console/call-center?x=1", "/console/calls?page=abc", "/console/calls?page=-3",
				"/console/calls?disposition=NOPE", "/console/calls?from=notadate", "/console/calls?agent=%27%20or%201%3D1", "/public/status?no=abc&digits=12" };
		for (var path : pages) {
			var page = supervisor.get(path);
			assertThat(page.status()).as(path).isLessThan(500);
			assertThat(page.body()).as(path).doesNotContain("Whitelabel").doesNotContain("Exception");
		}
	}
}
