package org.minsheng.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.minsheng.testsupport.ApplicationTest;
import org.minsheng.testsupport.Browser;
import org.minsheng.testsupport.IdentityFixture;
import org.minsheng.testsupport.OnH2;

import com.microsoft.playwright.Page;

/** Editors write and reviewers publish articles in the console; the learning report turns questions into drafts. */
@OnH2
class KnowledgeBrowserTest extends ApplicationTest {

	static Browser browser;

	@BeforeAll
	static void launch() {
		browser = Browser.launch();
	}

	@AfterAll
	static void close() {
		if (browser != null) {
			browser.close();
		}
	}

	Page login(String role) {
		var name = IdentityFixture.unique("kbb");
		given.user(name, given.rootId(), role);
		var page = browser.newContext().newPage();
		page.navigate(api.base() + "/login");
		Browser.signIn(page, name, IdentityFixture.PASSWORD);
		assertThat(page.locator("h1")).containsText("您好");
		return page;
	}

	@Test
	void anEditorWritesAnArticleAReviewerPublishesItAndAgentsFindIt() {
		var tag = "zz" + Long.toString(System.nanoTime() % 1_000_000_000_000L, 36).replaceAll("[0-9]", "");
		var editor = login("SUPERVISOR");
		editor.locator("#menu").getByText("知识库").click();
		editor.locator("#kb-manage").click();
		editor.locator("#kb-new").click();
		editor.locator("#kb-form-type").selectOption("FAQ");
		editor.locator("#kb-form-title").fill(tag + "居住证续签");
		editor.locator("#kb-form-body").fill("居住证有效期满前三十日内，携带身份证到社区工作站办理续签" + tag + "。");
		editor.locator("#kb-form-questions").fill("居住证过期了怎么办\n居住证怎么续签");
		Browser.screenshot(editor, "knowledge-edit");
		editor.locator("#kb-form-save").click();
		assertThat(editor.locator("#kb-draft")).containsText("编辑中");
		editor.locator("#kb-submit-review").click();
		assertThat(editor.locator("#kb-draft")).containsText("待审核");
		var url = editor.url();

		var reviewer = login("SUPERVISOR");
		reviewer.navigate(url);
		reviewer.locator("#kb-send-back-comment").fill("请写明所需材料");
		reviewer.locator("#kb-send-back").click();
		assertThat(reviewer.locator("#kb-draft")).containsText("退回意见：请写明所需材料");

		editor.navigate(url);
		editor.locator("#kb-edit").click();
		editor.locator("#kb-form-body").fill("居住证有效期满前三十日内，携带身份证和租赁合同到社区工作站办理续签" + tag + "。");
		editor.locator("#kb-form-save").click();
		editor.locator("#kb-submit-review").click();

		reviewer.navigate(url);
		reviewer.locator("#kb-approve").click();
		assertThat(reviewer.locator(".alert.success")).isVisible();
		assertThat(reviewer.locator("#kb-body")).containsText("租赁合同");

		editor.navigate(url);
		editor.locator("#kb-file").setInputFiles(new com.microsoft.playwright.options.FilePayload("续签申请表.pdf",
				"application/pdf", "%PDF-1.4 test".getBytes(StandardCharsets.UTF_8)));
		editor.locator("#kb-file-upload").click();
		assertThat(editor.locator("#kb-attachments")).containsText("续签申请表.pdf");

		var agent = login("AGENT");
		agent.navigate(api.base() + "/console/knowledge?q=" + URLEncoder.encode(tag + "居住证过期", StandardCharsets.UTF_8));
		assertThat(agent.locator(".kb-hit").first()).containsText(tag + "居住证续签");
		Browser.screenshot(agent, "knowledge-search");
		agent.locator(".kb-hit a").first().click();
		agent.locator("#kb-feedback input[name=comment]").fill("很清楚");
		agent.locator("#kb-feedback button[value=true]").click();
		assertThat(agent.locator(".alert.success")).isVisible();
	}

	@Test
	void aGroupOfUnansweredQuestionsBecomesADraftInOneClick() {
		var tag = "zz" + Long.toString(System.nanoTime() % 1_000_000_000_000L, 36).replaceAll("[0-9]", "");
		var name = IdentityFixture.unique("kbq");
		given.user(name, given.rootId(), "AGENT");
		var asker = api.as(name, IdentityFixture.PASSWORD);
		for (var q : new String[] { tag + "无人机飞行报备", tag + "无人机飞行报备", tag + "无人机怎么报备" }) {
			asker.get("/api/kb/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
		}

		var editor = login("SUPERVISOR");
		editor.navigate(api.base() + "/console/knowledge/reports");
		var group = editor.locator(".unanswered-group").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(tag + "无人机飞行报备"));
		assertThat(group).containsText("3 次");
		Browser.screenshot(editor, "knowledge-reports");
		group.locator(".make-draft").click();

		assertThat(editor.locator("#kb-form-title")).hasValue(tag + "无人机飞行报备");
		assertThat(editor.locator("#kb-form-questions")).hasValue(java.util.regex.Pattern.compile("无人机怎么报备"));
	}
}
