package org.minsheng.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.regex.Pattern;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minsheng.testsupport.ApplicationTest;
import org.minsheng.testsupport.Browser;
import org.minsheng.testsupport.IdentityFixture;
import org.minsheng.testsupport.OnH2;
import org.minsheng.workorder.WorkOrderFixture;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;

/** The work-order loop in the console, in headless Chromium, from the agent's form to the citizen's status page. */
@OnH2
class WorkOrderBrowserTest extends ApplicationTest {

	static Browser browser;

	WorkOrderFixture hotline;

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

	@BeforeEach
	void hotline() {
		hotline = new WorkOrderFixture(api, given);
	}

	Page login(String who) {
		var page = browser.newContext().newPage();
		page.navigate(api.base() + "/login");
		Browser.signIn(page, hotline.usernames.get(who), IdentityFixture.PASSWORD);
		assertThat(page.locator("h1")).containsText("您好");
		return page;
	}

	static void screenshot(Page page, String name) {
		Browser.screenshot(page, name);
	}

	@Test
	void aDistrictLeaderSeesTodaysFiguresOfTheDistrictAndTheOrdersBehindThemButChangesNothing() {
		var no = hotline.dispatchedTo(hotline.district);
		var leaderName = IdentityFixture.unique("leader");
		given.user(leaderName, hotline.district, "LEADER");
		hotline.usernames.put("leader", leaderName);
		var otherLeader = IdentityFixture.unique("leader");
		given.user(otherLeader, hotline.otherDistrict, "LEADER");
		hotline.usernames.put("otherLeader", otherLeader);

		var leader = login("leader");
		assertThat(leader.locator(".role")).containsText("领导");
		assertThat(leader.locator("#figure-received .figure-value")).hasText("1");
		assertThat(leader.locator("#figure-open .figure-value")).hasText("1");
		assertThat(leader.locator("#figure-overdue .figure-value")).hasText("0");
		assertThat(leader.locator("#week-table tbody tr")).hasCount(7);
		assertThat(leader.locator("#week-table tbody tr").last().locator(".received")).hasText("1");
		assertThat(leader.locator("#chart-week canvas")).hasCount(1);
		// read-only: no work of anybody else's in the menu, no bell counts to act on
		assertThat(leader.locator("#menu")).not().containsText("登记工单");
		assertThat(leader.locator("#menu")).not().containsText("待办");
		assertThat(leader.locator("#menu")).not().containsText("待派单");
		screenshot(leader, "home-leader");

		// every figure leads to the orders behind it
		leader.locator("#figure-received").click();
		assertThat(leader.locator("tr[data-no='" + no + "']")).hasCount(1);
		leader.locator("tr[data-no='" + no + "'] a").first().click();
		assertThat(leader.locator("#order-state")).hasText("已派单待签收");
		assertThat(leader.locator("main form[method=post]")).hasCount(0);

		// the other district's leader counts none of it
		var other = login("otherLeader");
		assertThat(other.locator("#figure-received .figure-value")).hasText("0");
		assertThat(other.locator("#figure-open .figure-value")).hasText("0");
	}

	@Test
	void theAgentSeesMatchingArticlesWhileTypingAndPutsOneIntoTheAnswer() {
		var tag = "zz" + Long.toString(System.nanoTime() % 1_000_000_000_000L, 36).replaceAll("[0-9]", "");
		var root = given.rootId();
		var reviewerName = IdentityFixture.unique("kbrv");
		given.user(reviewerName, root, "SUPERVISOR");
		var reviewer = api.as(reviewerName, IdentityFixture.PASSWORD);
		long id = WorkOrderFixture.ok(hotline.supervisor.post("/api/kb/articles", java.util.Map.of("type", "FAQ",
				"departmentId", root, "title", tag + "社保卡补办", "body", "<p>社保卡遗失后，携带身份证到任一社保网点补办" + tag + "。</p>",
				"questions", java.util.List.of("社保卡丢了怎么办")))).get("id").asLong();
		WorkOrderFixture.ok(hotline.supervisor.post("/api/kb/articles/" + id + "/submit", null));
		WorkOrderFixture.ok(reviewer.post("/api/kb/articles/" + id + "/approve", null));

		var labour = "人社局" + IdentityFixture.unique("");
		var housing = "住建局" + IdentityFixture.unique("");
		given.department(labour, "BUREAU", root, null);
		given.department(housing, "BUREAU", root, null);
		var csv = new StringBuilder("id,title,detail,category,department,emotion\n");
		for (var t : java.util.List.of("公司拖欠工资", "单位不缴社保", "劳动合同不续签", "工伤认定没结果", "养老保险转移")) {
			csv.append(",").append(t).append(",,劳动和社会保障,").append(labour).append(",焦虑\n");
		}
		for (var t : java.util.List.of("社保卡丢了怎么补办", "社保卡补办要带什么", "路灯不亮", "井盖缺失", "墙皮脱落")) {
			boolean social = t.startsWith("社保");
			csv.append(",").append(t).append(",,").append(social ? "劳动和社会保障" : "城乡建设").append(",")
				.append(social ? labour : housing).append(social ? ",焦虑\n" : ",平和\n");
		}
		WorkOrderFixture.ok(hotline.supervisor.sendAs("POST", "/api/nlp/training-examples", "text/csv", csv.toString()));
		WorkOrderFixture.ok(hotline.supervisor.post("/api/nlp/models/train", null));
		WorkOrderFixture.ok(hotline.supervisor.post("/api/nlp/models/train?kind=department", null));
		WorkOrderFixture.ok(hotline.supervisor.post("/api/nlp/models/train?kind=emotion", null));
		try {
			seesTheArticleAndTheAnalysis(tag, id, labour);
		}
		finally {
			// a department model left on would dispatch the orders of the tests after this one
			assertThat(hotline.supervisor.delete("/api/nlp/models/department/active").status()).isEqualTo(204);
		}
	}

	private void seesTheArticleAndTheAnalysis(String tag, long id, String labour) {

		var agent = login("agent");
		agent.locator("#menu").getByText("登记工单").click();
		agent.waitForURL("**/console/work-orders/new");
		agent.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
		agent.locator("#order-title").fill(tag + "社保卡丢了怎么办");

		var item = agent.locator(".assist-item[data-article-id='" + id + "']");
		assertThat(item).containsText(tag + "社保卡补办");
		assertThat(agent.locator("#analysis-category")).containsText("劳动和社会保障");
		assertThat(agent.locator("#analysis-department")).containsText(labour);
		// the label depends on every emotion example in the shared test database; that it shows is what counts here
		assertThat(agent.locator("#analysis-emotion")).containsText("来电情绪");
		screenshot(agent, "agent-assist");
		item.locator(".assist-insert").click();

		assertThat(agent.locator("#order-answer")).hasValue(Pattern.compile("携带身份证到任一社保网点补办"));
		org.minsheng.testsupport.Eventually.value(() -> count("select used_count from kb_article where id = ?", id),
				used -> used == 1, java.time.Duration.ofSeconds(10));
	}

	@Test
	void aRefusedFormComesBackAsTypedWithTheMistakeBesideItsField() {
		var agent = login("agent");
		agent.navigate(api.base() + "/console/work-orders/new");
		Browser.htmxReady(agent);
		agent.locator("#order-type").selectOption("COMPLAINT");
		agent.locator("#order-caller-name").fill("王五");
		agent.locator("#order-caller-phone").fill("138123");
		agent.locator("#order-title").fill("夜间施工噪音扰民");
		// a long complaint: the analysis gets the whole text by POST (a query string broke at about 1,200 characters)
		var content = "我住在深圳市南山区粤海街道科技园小区，旁边工地每天夜里十一点以后还在施工，噪音很大，老人孩子都睡不好。"
				.repeat(30);
		agent.locator("#order-content").fill(content);
		assertThat(agent.locator("#order-content-counter")).containsText(content.length() + " / 4000 字");
		assertThat(agent.locator("#analysis-region")).containsText("粤海街道");
		var regionCode = agent.locator("#analysis-region .muted").textContent().strip();
		agent.locator("#use-region").click();
		assertThat(agent.locator("#order-division")).hasValue(regionCode);
		assertThat(agent.locator("#division-district")).hasValue(regionCode.substring(0, 6));

		agent.locator("#order-submit").click();
		assertThat(agent.locator("#order-caller-phone-error")).containsText("电话");
		assertThat(agent.locator("#order-caller-phone")).hasValue("138123");
		assertThat(agent.locator("#order-caller-name")).hasValue("王五");
		assertThat(agent.locator("#order-title")).hasValue("夜间施工噪音扰民");
		assertThat(agent.locator("#order-content")).hasValue(content);
		assertThat(agent.locator("#order-type")).hasValue("COMPLAINT");
		assertThat(agent.locator("#order-division")).hasValue(regionCode);
		assertThat(agent.locator("#division-street")).hasValue(regionCode);
		screenshot(agent, "workorder-register-refused");

		// 即时办结 needs the answer given on the spot
		agent.locator("#order-caller-phone").fill(hotline.phone);
		agent.locator("#order-close").click();
		assertThat(agent.locator("#order-answer-error")).containsText("即时办结须填写答复内容");
		assertThat(agent.locator("#order-content")).hasValue(content);

		agent.locator("#order-submit").click();
		assertThat(agent.locator("[role=status]")).containsText("已登记工单");
		var no = agent.locator("#order-no").textContent().strip();

		// on the order's own page the order is not its own near-duplicate
		var dispatcher = login("dispatcher");
		dispatcher.navigate(api.base() + "/console/work-orders/" + no);
		assertThat(dispatcher.locator("#order-analysis #analysis-region")).containsText("粤海街道");
		assertThat(dispatcher.locator("#order-analysis .analysis-results")).not().containsText(no);
	}

	@Test
	void theBellRingsAsAnOrderArrivesWithoutReloadingThePage() {
		var handler = login("fthandler");
		var before = handler.locator("#bell-count").isVisible() ? Integer.parseInt(handler.locator("#bell-count").textContent()) : 0;
		// the page is open on the other district's handler's home; the center dispatches an order to that district
		var no = hotline.dispatchedTo(hotline.otherDistrict);
		var toast = handler.locator("#toasts .toast");
		assertThat(toast).containsText("新工单待签收 " + no);
		assertThat(handler.locator("#bell-count")).hasText(Integer.toString(before + 1));
		assertThat(handler.locator("#menu .badge[data-pending=inbox]")).hasText(Integer.toString(before + 1));
		assertThat(handler.locator("#tile-inbox .count")).hasText("待签收 " + (before + 1) + " · 办理中 0");
		screenshot(handler, "bell-live-toast");
		toast.locator("a").click();
		assertThat(handler.locator("#order-no")).hasText(no);
	}

	@Test
	void anOrderGoesFromTheAgentsFormThroughTheDepartmentToTheCitizensStatusPage() {
		var earlier = hotline.registered();
		// a reply template (话术模板) of the knowledge base, with the order's facts as placeholders
		var reviewerName = IdentityFixture.unique("kbrv");
		given.user(reviewerName, given.rootId(), "SUPERVISOR");
		long template = WorkOrderFixture.ok(hotline.supervisor.post("/api/kb/articles", java.util.Map.of("type", "SCRIPT",
				"departmentId", given.rootId(), "title", "办结答复模板：树木倒伏清理",
				"body", "<p>您好！您反映的“{order_title}”（工单号 {order_no}）已由{department}清理完毕，人行道已恢复通行。</p>"))).get("id").asLong();
		WorkOrderFixture.ok(hotline.supervisor.post("/api/kb/articles/" + template + "/submit", null));
		WorkOrderFixture.ok(api.as(reviewerName, IdentityFixture.PASSWORD).post("/api/kb/articles/" + template + "/approve", null));

		var agent = login("agent");
		agent.locator("#menu").getByText("登记工单").click();
		agent.waitForURL("**/console/work-orders/new");
		Browser.htmxReady(agent);
		agent.locator("#order-type").selectOption("COMPLAINT");
		agent.locator("#order-category").selectOption(new SelectOption().setLabel("城乡建设/城市建设和市政管理/园林绿化环卫"));
		agent.locator("#order-caller-name").fill("李四");
		agent.locator("#order-caller-phone").fill(hotline.phone);
		assertThat(agent.locator("#history")).containsText(earlier);
		agent.locator("#division-province").selectOption(new SelectOption().setLabel("广东省"));
		agent.locator("#division-city").selectOption(new SelectOption().setLabel("深圳市"));
		agent.locator("#division-district").selectOption(new SelectOption().setLabel("南山区"));
		agent.locator("#division-street").selectOption(new SelectOption().setLabel("南头街道"));
		assertThat(agent.locator("#order-division")).hasValue("440305001");
		agent.locator("#order-address").fill("南头街道深南大道10000号");
		agent.locator("#order-title").fill("小区门口树木倒伏");
		agent.locator("#order-content").fill("台风过后小区门口一棵大树倒伏，压住人行道，请尽快清理。");
		screenshot(agent, "workorder-register");
		agent.locator("#order-submit").click();
		assertThat(agent.locator("[role=status]")).containsText("已登记工单");
		var no = agent.locator("#order-no").textContent().strip();
		assertThat(agent.locator("#order-state")).hasText("待派单");

		var dispatcher = login("dispatcher");
		// the home page says what waits: at least this order to dispatch
		assertThat(dispatcher.locator("#tile-dispatch .count")).hasText(Pattern.compile("^[1-9][0-9]* 件$"));
		screenshot(dispatcher, "home-dispatcher");
		dispatcher.navigate(api.base() + "/console/work-orders?state=PENDING_DISPATCH");
		dispatcher.locator("tr[data-no='" + no + "'] a").first().click();
		// the analysis loads beside the order
		assertThat(dispatcher.locator("#order-analysis .analysis-results")).isVisible();
		// the lead from the department tree (searchable), co-handlers from a searchable list
		dispatcher.locator("#dispatch-lead-island .el-select__wrapper").click();
		dispatcher.locator("#dispatch-lead-island input").fill(hotline.districtName);
		dispatcher.locator(".el-tree").getByText(hotline.districtName, new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true))
			.click();
		assertThat(dispatcher.locator("#dispatch-lead")).hasValue(Long.toString(hotline.district));
		assertThat(dispatcher.locator("#dispatch-co-island")).containsText("可多选");
		screenshot(dispatcher, "workorder-dispatch");
		dispatcher.locator("#dispatch-submit").click();
		assertThat(dispatcher.locator("[role=status]")).containsText("已完成：派单");
		assertThat(dispatcher.locator("#order-state")).hasText("已派单待签收");

		var handler = login("nshandler");
		assertThat(handler.locator("#tile-inbox .count")).hasText(Pattern.compile("^待签收 [1-9][0-9]* · 办理中 [0-9]+$"));
		screenshot(handler, "home-handler");
		// the sidebar's badge and the bell say the same: orders wait to be signed, and the bell leads to them
		assertThat(handler.locator("#menu .badge[data-pending=inbox]")).hasText(Pattern.compile("^[1-9][0-9]*$"));
		assertThat(handler.locator("#bell-count")).hasText(Pattern.compile("^[1-9][0-9]*$"));
		handler.locator("#bell .bell-button").click();
		var toSign = handler.locator("#bell-items a[data-pending-item=toSign]");
		assertThat(toSign).containsText("待签收");
		screenshot(handler, "handler-bell");
		toSign.click();
		assertThat(handler.locator("#crumbs")).containsText("工单处理");
		assertThat(handler.locator("#crumbs [aria-current=page]")).hasText("待办");
		assertThat(handler.locator("#inbox")).containsText(no);
		handler.locator("#menu").getByText("待办").click();
		assertThat(handler.locator("#inbox")).containsText(no);
		handler.locator("tr[data-no='" + no + "'] input[type=checkbox]").check();
		handler.locator("#bulk-sign-submit").click();
		assertThat(handler.locator("[role=status]")).containsText("已签收 1 件");
		handler.locator("tr[data-no='" + no + "'] a").click();
		assertThat(handler.locator("#order-caller")).containsText("****");
		// the handler may call the citizen through the center from their own phone; a wrong number of their
		// own comes back as typed, with the mistake beside it
		assertThat(handler.locator("#call-citizen-from")).containsText("市民号码不显示");
		handler.locator("#own-phone").fill("0755-8345");
		handler.locator("#call-citizen-from-submit").click();
		assertThat(handler.locator("#call-citizen-from .field-error")).containsText("电话");
		assertThat(handler.locator("#own-phone")).hasValue("0755-8345");
		assertThat(handler.locator("#call-citizen-from label.invalid")).hasCount(1);
		// a template is added after what the handler has typed, with the order's facts put in
		handler.locator("#reply-content").fill("经核实：");
		handler.locator("#reply-template-island .el-select__wrapper").click();
		handler.getByRole(com.microsoft.playwright.options.AriaRole.OPTION,
				new Page.GetByRoleOptions().setName("办结答复模板：树木倒伏清理")).click();
		assertThat(handler.locator("#reply-content")).hasValue(Pattern.compile(
				"^经核实：\\n\\n您好！您反映的“小区门口树木倒伏”（工单号 " + no + "）已由" + hotline.districtName + "清理完毕.*", Pattern.DOTALL));
		screenshot(handler, "workorder-reply-template");
		// the assist beside the reply offers articles, not the template again with its placeholders unfilled
		handler.locator("#assist-results > *").first().waitFor();
		assertThat(handler.locator("#assist-results")).not().containsText("插入话术");
		// 下派 picks from the department's own subtree
		assertThat(handler.locator("#below-department-island .el-select__wrapper")).isVisible();
		assertThat(handler.locator("#below-department")).isHidden();
		handler.locator("#reply-result").selectOption("RESOLVED");
		handler.locator("#reply-content").fill("已组织园林工人清理倒伏树木，人行道已恢复通行。");
		var photo = new com.microsoft.playwright.options.FilePayload("清理后.png", "image/png",
				"PNG photo after the clean-up".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		handler.locator("#reply-files").setInputFiles(photo);
		screenshot(handler, "workorder-reply");
		handler.locator("#reply-submit").click();
		assertThat(handler.locator("#order-state")).hasText("已回复待审核");
		var fileLink = handler.locator("#timeline tr[data-action=REPLIED] a.file");
		assertThat(fileLink).hasText("清理后.png");
		var download = handler.waitForDownload(fileLink::click);
		assertThat(download.suggestedFilename()).isEqualTo("清理后.png");

		dispatcher.navigate(api.base() + "/console/work-orders/" + no);
		dispatcher.locator("#review-approve").click();
		assertThat(dispatcher.locator("#order-state")).hasText("待回访");

		agent.navigate(api.base() + "/console/work-orders/" + no);
		agent.locator("#callback-satisfaction").selectOption("SATISFIED");
		agent.locator("#callback-submit").click();
		assertThat(agent.locator("#order-state")).hasText("已办结");
		assertThat(agent.locator("#timeline tr[data-action=CLOSED]")).hasCount(1);

		var citizen = browser.newContext().newPage();
		citizen.navigate(api.base() + "/public/status");
		citizen.locator("#lookup-no").fill(no);
		citizen.locator("#lookup-digits").fill(hotline.phone.substring(hotline.phone.length() - 4));
		citizen.locator("#lookup-submit").click();
		assertThat(citizen.locator("#public-state")).hasText("已办结");
		assertThat(citizen.locator("#public-result")).hasText("已解决");
		assertThat(citizen.locator("#public-steps")).containsText("南山区");
		assertThat(citizen.locator("#lookup-result")).not().containsText("测试 ");
		screenshot(citizen, "workorder-public-status");
	}

	@Test
	void theListIsFilteredWithTheComponentsStaffKnowAndKeepsTheChoices() {
		var waiting = hotline.registered();
		var dispatched = hotline.dispatchedTo(hotline.district);
		var districtName = hotline.districtName;
		var supervisor = login("supervisor");
		supervisor.navigate(api.base() + "/console/work-orders");
		assertThat(supervisor.locator("html[data-islands=ready]")).hasCount(1);
		// the native controls stay in the form, hidden; Element Plus shows in their place
		assertThat(supervisor.locator("#filter-state")).isHidden();
		supervisor.locator("#filter-state-island .el-select__wrapper").click();
		supervisor.getByRole(com.microsoft.playwright.options.AriaRole.OPTION,
				new Page.GetByRoleOptions().setName("已派单待签收").setExact(true)).click();
		supervisor.keyboard().press("Escape");
		supervisor.locator("#filter-department-island .el-select__wrapper").click();
		supervisor.locator("#filter-department-island input").fill(districtName);
		screenshot(supervisor, "workorders-tree-select");
		supervisor.locator(".el-tree").getByText(districtName, new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true))
			.click();
		supervisor.locator("#filter-registered-island input").first().click();
		screenshot(supervisor, "workorders-daterange");
		supervisor.locator(".el-picker-panel__shortcut").getByText("最近一周").click();
		supervisor.locator("#filter-submit").click();

		assertThat(supervisor.locator("#total")).hasText("1");
		assertThat(supervisor.locator("tr[data-no='" + dispatched + "']")).hasCount(1);
		assertThat(supervisor.locator("tr[data-no='" + waiting + "']")).hasCount(0);
		var url = supervisor.url();
		assertThat(url).contains("state=DISPATCHED").contains("departmentId=" + hotline.district)
			.contains("from=" + java.time.LocalDate.now().minusDays(6)).contains("to=" + java.time.LocalDate.now());
		// the page comes back with the choices shown in the components
		assertThat(supervisor.locator("#filter-state-island")).containsText("已派单待签收");
		assertThat(supervisor.locator("#filter-department-island")).containsText(districtName);
		assertThat(supervisor.locator("#filter-registered-island input").first())
			.hasValue(java.time.LocalDate.now().minusDays(6).toString());
		screenshot(supervisor, "workorders-filtered");
	}

	@Test
	void aHandlerAsksForMoreTimeWithTheDateTimePicker() {
		var no = hotline.dispatchedTo(hotline.district);
		WorkOrderFixture.ok(hotline.districtHandler.post("/api/work-orders/" + no + "/sign", null));
		var handler = login("nshandler");
		handler.navigate(api.base() + "/console/work-orders/" + no);
		assertThat(handler.locator("html[data-islands=ready]")).hasCount(1);
		// nothing chosen: the server names what is missing, and the reason typed comes back
		handler.locator("#extension-form input[name=reason]").fill("需协调燃气公司共同处置");
		handler.locator("#extension-form button[type=submit]").click();
		assertThat(handler.locator("[role=alert]")).containsText("请选择延期后的办理时限");
		assertThat(handler.locator("#extension-form input[name=reason]")).hasValue("需协调燃气公司共同处置");
		var until = java.time.LocalDate.now().plusDays(30) + " 18:00";
		handler.locator("#extension-deadline-island input").fill(until);
		handler.locator("#extension-deadline-island input").press("Enter");
		assertThat(handler.locator("#extension-deadline")).hasValue(until.replace(' ', 'T'));
		screenshot(handler, "workorder-extension-picker");
		handler.locator("#extension-form button[type=submit]").click();
		assertThat(handler.locator("#timeline")).containsText("申请延期至 " + until);
	}

	@Test
	void theFilteredListExportsToExcel() throws Exception {
		var no = hotline.registered();
		var supervisor = login("supervisor");
		supervisor.navigate(api.base() + "/console/work-orders");
		supervisor.locator("#filter-phone").fill(hotline.phone);
		supervisor.locator("#filter-submit").click();
		assertThat(supervisor.locator("#total")).hasText("1");

		var download = supervisor.waitForDownload(() -> supervisor.locator("#export").click());
		var bytes = java.nio.file.Files.readAllBytes(download.path());

		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
			var rows = workbook.getFirstSheet().read();
			assertThat(rows).hasSize(2);
			assertThat(rows.get(0).getCellText(0)).isEqualTo("工单号");
			assertThat(rows.get(1).getCellText(0)).isEqualTo(no);
			assertThat(rows.get(1).getCellText(11)).contains("****");
		}
		assertThat(count("select count(*) from audit_entry where action = 'WORK_ORDERS_EXPORTED'")).isPositive();
		assertThat(supervisor.locator("#menu")).containsText("督办看板");
		assertThat(Pattern.compile("WO\\d{14}").matcher(no).matches()).isTrue();
	}

	@Test
	void aSupervisorSetsTheResponsibilityListAndTheNextOrderDispatchesItself() {
		var path = hotline.categoryPath();
		var supervisor = login("supervisor");
		supervisor.locator("#menu").getByText("规则配置").click();
		supervisor.locator("#resp-category").selectOption(Long.toString(path[2]));
		supervisor.locator("#resp-division").fill("440305");
		supervisor.locator("#resp-department").selectOption(Long.toString(hotline.district));
		supervisor.locator("#resp-submit").click();
		assertThat(supervisor.locator("[role=status]")).containsText("已添加权责清单条目");
		assertThat(supervisor.locator("#responsibilities")).containsText("广东省 深圳市 南山区");
		supervisor.locator("#sla-stage").selectOption("HANDLE");
		supervisor.locator("#sla-category").selectOption(Long.toString(path[2]));
		supervisor.locator("#sla-term").fill("12wd");
		supervisor.locator("#sla-submit").click();
		assertThat(supervisor.locator("#sla-rules")).containsText("12个工作日");
		supervisor.locator("#sla-term").fill("12 days");
		supervisor.locator("#sla-submit").click();
		assertThat(supervisor.locator(".alert.error")).containsText("不是时限");
		supervisor.waitForLoadState();
		screenshot(supervisor, "rules");

		var body = hotline.order("路灯不亮");
		body.put("categoryId", path[2]);
		var order = WorkOrderFixture.ok(hotline.agent.post("/api/work-orders", body));

		assertThat(order.get("state").asString()).isEqualTo("DISPATCHED");
		assertThat(order.get("lead").get("id").asLong()).isEqualTo(hotline.district);
	}

	@Test
	void aSupervisorSeesHowAutomaticDispatchFaresAndTrainsAndRollsBackAModel() {
		var csv = new StringBuilder("id,title,detail,emotion\n");
		for (var t : java.util.List.of("太气人了，没人管", "投诉多次没人理，太过分了", "气死我了，再不处理我天天打", "踢皮球三个月了，忍无可忍")) {
			csv.append(",").append(t).append(",,angry\n");
		}
		for (var t : java.util.List.of("请问社保卡怎么办理", "咨询一下公积金提取", "想了解居住证流程", "请问周末大厅上班吗")) {
			csv.append(",").append(t).append(",,neutral\n");
		}
		for (var t : java.util.List.of("谢谢你们修好了路灯", "非常满意，点赞", "感谢热线及时帮忙", "表扬社区工作人员")) {
			csv.append(",").append(t).append(",,positive\n");
		}
		WorkOrderFixture.ok(hotline.supervisor.sendAs("POST", "/api/nlp/training-examples", "text/csv", csv.toString()));
		var supervisor = login("supervisor");
		supervisor.locator("#menu").getByText("规则配置").click();
		assertThat(supervisor.locator("#dispatch-figures")).containsText("自动派单");
		assertThat(supervisor.locator("#figures-automatic")).isVisible();

		supervisor.locator("#train-emotion").click();
		assertThat(supervisor.locator("[role=status]")).containsText("已训练情绪模型");
		supervisor.locator("#train-emotion").click();
		assertThat(supervisor.locator("[role=status]")).containsText("已训练情绪模型");
		assertThat(supervisor.locator("[role=status]")).containsText("置信度校准误差");
		var rows = supervisor.locator("#models tr[data-kind=EMOTION]");
		assertThat(rows.first().locator("td.calibration")).hasText(java.util.regex.Pattern.compile("0\\.\\d{3}"));
		var older = rows.nth(1);
		var version = older.getAttribute("data-version");
		older.getByText("启用此版本").click();

		assertThat(supervisor.locator("[role=status]")).containsText("已启用情绪模型 v" + version);
		assertThat(supervisor.locator("#models tr[data-kind=EMOTION][data-version='" + version + "']")).containsText("使用中");
		screenshot(supervisor, "models");
	}
}
