package org.minsheng.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.minsheng.testsupport.Api;
import org.minsheng.testsupport.ApplicationTest;
import org.minsheng.testsupport.Browser;
import org.minsheng.testsupport.IdentityFixture;
import org.minsheng.testsupport.OnH2;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

@OnH2
class ConsoleBrowserTest extends ApplicationTest {

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

	Page login(String username, String password) {
		var page = browser.newContext().newPage();
		page.navigate(api.base() + "/");
		assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login$"));
		Browser.signIn(page, username, password);
		return page;
	}

	static void screenshot(Page page, String name) {
		Browser.screenshot(page, name);
	}

	@Test
	void adminCreatesADepartmentAndAUserWhoThenLogsIn() {
		var department = IdentityFixture.unique("南头街道城建科");
		var username = IdentityFixture.unique("handler");

		var admin = login("admin", Api.ADMIN_PASSWORD);
		assertThat(admin.locator("h1")).containsText("您好");
		assertThat(admin.locator("#menu")).containsText("审计日志");

		admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("部门管理")).first().click();
		admin.locator("#dept-name").fill(department);
		admin.locator("#dept-type").selectOption("SECTION");
		admin.locator("#dept-division").fill("440305001");
		admin.locator("#create-department button[type=submit]").click();
		assertThat(admin.locator("[role=status]")).containsText("已创建部门");
		assertThat(admin.locator("#departments")).containsText(department);
		assertThat(admin.locator("#departments")).containsText("广东省 深圳市 南山区 南头街道");
		screenshot(admin, "departments");

		admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("用户管理")).first().click();
		admin.locator("#user-username").fill(username);
		admin.locator("#user-display").fill("承办人 黄小明");
		admin.locator("#user-department").selectOption(new SelectOption().setLabel(department));
		admin.locator("#role-HANDLER").check();
		admin.locator("#user-password").fill(IdentityFixture.PASSWORD);
		admin.locator("#create-user button[type=submit]").click();
		assertThat(admin.locator("[role=status]")).containsText("已创建用户 " + username);
		// the shared test database holds many users by now, as a real center does: search as an admin would
		admin.locator("input[name=q]").fill(username);
		admin.locator("form[method=get] button[type=submit]").click();
		assertThat(admin.locator("tr[data-username='" + username + "']")).containsText(department);
		screenshot(admin, "users");
		admin.locator("#logout").click();
		assertThat(admin.locator(".alert.success")).containsText("退出");

		var handler = login(username, IdentityFixture.PASSWORD);
		assertThat(handler.locator("#current-user")).containsText("承办人 黄小明");
		assertThat(handler.locator(".role")).containsText("承办人");
		assertThat(handler.locator("#menu")).not().containsText("用户管理");
		assertThat(handler.locator("#menu")).not().containsText("审计日志");
		screenshot(handler, "handler-home");
		handler.navigate(api.base() + "/console/departments");
		assertThat(handler.locator("#departments tbody tr")).hasCount(1);
		assertThat(handler.locator("#create-department")).hasCount(0);

		handler.locator("#change-password").click();
		handler.locator("#current-password").fill(IdentityFixture.PASSWORD);
		handler.locator("#new-password").fill("Changed-Pass-2026");
		handler.locator("#confirm-password").fill("Changed-Pass-2026");
		handler.locator("#password-form button[type=submit]").click();
		assertThat(handler.locator("[role=status]")).containsText("密码已修改");
		handler.locator("#logout").click();
		var again = login(username, "Changed-Pass-2026");
		assertThat(again.locator("#current-user")).containsText("承办人 黄小明");
	}

	@Test
	void consoleFormsRefuseAPostWithoutTheCsrfToken() {
		var page = login("admin", Api.ADMIN_PASSWORD);
		long before = count("select count(*) from department");

		var response = page.request()
			.post(api.base() + "/console/departments", com.microsoft.playwright.options.RequestOptions.create()
				.setForm(com.microsoft.playwright.options.FormData.create()
					.set("name", "伪造部门")
					.set("type", "BUREAU")
					.set("parentId", "1"))
				.setMaxRedirects(0));

		assertThat(response.status()).isEqualTo(403);
		assertThat(count("select count(*) from department")).isEqualTo(before);
	}

	@Test
	void usersPageMarksALockedAccount() {
		var username = IdentityFixture.unique("locked");
		given.user(username, given.rootId(), "AGENT");
		given.lockOut(username);

		var page = login("admin", Api.ADMIN_PASSWORD);
		page.navigate(api.base() + "/console/users?q=" + username);

		assertThat(page.locator("tr[data-username='" + username + "'] .locked")).containsText("已锁定");
	}

	@Test
	void wrongPasswordShowsAnErrorInChinese() {
		var page = login("admin", "not-the-password-1");

		assertThat(page.locator("[role=alert]")).containsText("用户名或密码错误");
	}

	@Test
	void auditViewerFiltersAndVerifiesTheChain() {
		var page = login("admin", Api.ADMIN_PASSWORD);
		page.navigate(api.base() + "/console/audit");
		page.locator("#audit-action").selectOption("LOGIN");
		page.locator("#audit-filter button[type=submit]").click();

		// the inspector reads the action in Chinese; its code is kept in the cell's title
		assertThat(page.locator("#audit tbody tr").first()).containsText("登录");
		assertThat(page.locator("#audit tbody tr td[title=LOGIN]").first()).isVisible();
		assertThat(page.locator("#audit tbody")).not().containsText("新建单位");
		assertThat(page.locator("#audit-action")).hasValue("LOGIN");

		// and by the kind of record, named in Chinese too
		long made = given.department(IdentityFixture.unique("审计部门"), "BUREAU", given.rootId(), null);
		page.locator("#audit-action").selectOption("");
		page.locator("#audit-target-type").selectOption("department");
		page.locator("#audit-filter button[type=submit]").click();
		assertThat(page.locator("#audit tbody tr td[title=department]").first()).containsText("部门 ");
		assertThat(page.locator("#audit tbody")).containsText("部门 " + made);
		assertThat(page.locator("#audit tbody")).not().containsText("登录");
		page.locator("#verify").click();
		assertThat(page.locator("#verification")).containsText("审计链完整");
		screenshot(page, "audit");
		assertThat(count("select count(*) from audit_entry where action = 'LOGIN' and actor = 'admin'"))
			.isPositive();
	}
}
