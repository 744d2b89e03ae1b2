package org.minsheng.testsupport;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * Headless Chromium from the distribution ({@code /usr/bin/chromium}) driven by Playwright for
 * Java; Playwright's own browser download is never used. Without Chromium the test is skipped,
 * unless {@code MINSHENG_REQUIRE_BROWSER} is set (CI), where it fails.
 */
public final class Browser implements AutoCloseable {

	public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));

	private final Playwright playwright;

	private final com.microsoft.playwright.Browser browser;

	private Browser() {
		playwright = Playwright.create(new Playwright.CreateOptions()
			.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
						"--disable-background-networking", "--disable-component-update", "--disable-sync")));
	}

	public static Browser launch() {
		if (!Files.isExecutable(CHROMIUM)) {
			if (System.getenv("MINSHENG_REQUIRE_BROWSER") != null) {
				fail("Chromium is required but missing at " + CHROMIUM + " (install the Debian package chromium)");
			}
			assumeTrue(false, "Chromium not installed at " + CHROMIUM + ": console test skipped");
		}
		return new Browser();
	}

	public BrowserContext newContext() {
		return browser.newContext(new NewContextOptions().setLocale("zh-CN")
			.setTimezoneId("Asia/Shanghai")
			.setViewportSize(1400, 900));
	}

	/** Fills the console's login form on the page and submits it. */
	public static void signIn(com.microsoft.playwright.Page page, String username, String password) {
		page.locator("#username").fill(username);
		page.locator("#password").fill(password);
		page.locator("#login").click();
	}

	/**
	 * Waits until htmx has loaded and wired the page (it is a deferred script): typing into a field
	 * before that is typing the server never hears of.
	 */
	public static void htmxReady(com.microsoft.playwright.Page page) {
		page.waitForFunction("() => window.htmx !== undefined && document.readyState === 'complete'");
	}

	/** A full-page screenshot under {@code target/screenshots}, for reviewing the console by eye. */
	public static void screenshot(com.microsoft.playwright.Page page, String name) {
		page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions()
			.setPath(Path.of("target/screenshots/" + name + ".png"))
			.setFullPage(true));
	}

	@Override
	public void close() {
		browser.close();
		playwright.close();
	}
}
