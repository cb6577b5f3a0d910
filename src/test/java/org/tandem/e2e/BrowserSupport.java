package org.tandem.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PageAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Headless Chromium for end-to-end tests: one browser per test class, a fresh context (cookies, storage) and page
 * per test. Register it as {@code @RegisterExtension static final BrowserSupport browser = new BrowserSupport();}.
 *
 * <p>Uses the machine's Chromium ({@code /usr/bin/chromium}); Playwright never downloads a browser. A failing test
 * leaves a screenshot in {@code target/screenshots/<Class>-<method>-failure.png}.
 */
public final class BrowserSupport implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    /** Every demo account uses this password (see DemoClinicLoader). */
    public static final String DEMO_PASSWORD = "tandem-demo-2026";

    /** Vaadin dev mode may take a while to serve its first page. */
    public static final double FIRST_LOAD_TIMEOUT_MS = 60_000;

    public static final double DEFAULT_TIMEOUT_MS = 20_000;

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");

    private Playwright playwright;
    private Browser browser;
    private BrowserContext context;
    private Page page;
    /** Further browsers of the same test ({@link #openAnotherContext()}), closed with its own. */
    private final List<BrowserContext> others = new ArrayList<>();

    @Override
    public void beforeAll(ExtensionContext extension) {
        PlaywrightAssertions.setDefaultAssertionTimeout(DEFAULT_TIMEOUT_MS);
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(CHROMIUM_ARGS));
    }

    @Override
    public void afterAll(ExtensionContext extension) {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Override
    public void beforeEach(ExtensionContext extension) {
        if (Files.isDirectory(SCREENSHOTS)) {
            // From an earlier run: this page's and those of the test's other browsers.
            try (var earlier = Files.newDirectoryStream(SCREENSHOTS, failureName(extension) + "*.png")) {
                for (Path file : earlier) {
                    Files.delete(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        openContext(options -> {});
    }

    @Override
    public void afterEach(ExtensionContext extension) {
        if (extension.getExecutionException().isPresent() && page != null && !page.isClosed()) {
            try {
                screenshot(failureName(extension));
                for (int i = 0; i < others.size(); i++) {
                    for (Page other : others.get(i).pages()) {
                        screenshot(other, failureName(extension) + "-other-" + (i + 1));
                    }
                }
            } catch (RuntimeException ignored) {
                // The failure itself is what matters.
            }
        }
        closeContext();
    }

    private static String failureName(ExtensionContext extension) {
        return extension.getRequiredTestClass().getSimpleName() + "-" + extension.getRequiredTestMethod().getName()
                + "-failure";
    }

    /** Replaces this test's context with one made with the given options (e.g. a phone-sized viewport). */
    public Page openContext(Consumer<Browser.NewContextOptions> customise) {
        closeContext();
        context = newContext(customise);
        page = context.newPage();
        return page;
    }

    /**
     * A second browser beside this test's page, with cookies of its own: another person at another computer, both
     * signed in at once. It is closed after the test; {@link #page()} stays the test's own page.
     */
    public Page openAnotherContext() {
        BrowserContext other = newContext(options -> {});
        others.add(other);
        return other.newPage();
    }

    private BrowserContext newContext(Consumer<Browser.NewContextOptions> customise) {
        Browser.NewContextOptions options = new Browser.NewContextOptions().setViewportSize(1280, 800).setLocale("en-GB");
        customise.accept(options);
        BrowserContext created = browser.newContext(options);
        created.setDefaultTimeout(DEFAULT_TIMEOUT_MS);
        created.setDefaultNavigationTimeout(FIRST_LOAD_TIMEOUT_MS);
        return created;
    }

    private void closeContext() {
        others.forEach(BrowserContext::close);
        others.clear();
        if (context != null) {
            context.close();
            context = null;
            page = null;
        }
    }

    public Page page() {
        return page;
    }

    /** Opens a path of the app (e.g. {@code "/caseload"}) and waits for the page to load. */
    public Page open(int port, String path) {
        page.navigate(url(port, path));
        return page;
    }

    public static String url(int port, String path) {
        return "http://localhost:" + port + (path.startsWith("/") ? path : "/" + path);
    }

    /** The LoginForm, once Vaadin has rendered it. */
    public Locator loginForm() {
        return page.locator("vaadin-login-form");
    }

    /** Waits until the page is the login page with its form ready to type into. */
    public void assertOnLoginPage() {
        assertOnLoginPage(page);
    }

    /** Waits until this page (of any context) is the login page with its form ready to type into. */
    public static void assertOnLoginPage(Page page) {
        assertThat(page).hasURL(Pattern.compile(".*/login(\\?.*)?$"),
                new PageAssertions.HasURLOptions().setTimeout(DEFAULT_TIMEOUT_MS));
        assertThat(page.locator("vaadin-login-form input[name=username]")).isVisible(
                new LocatorAssertions.IsVisibleOptions()
                        .setTimeout(FIRST_LOAD_TIMEOUT_MS));
    }

    /** Opens the login page, types the e-mail and password and presses Sign in. Does not wait for the outcome. */
    public void signIn(int port, String email, String password) {
        signIn(page, port, email, password);
    }

    /** As {@link #signIn(int, String, String)}, in this page of any context. */
    public static void signIn(Page page, int port, String email, String password) {
        page.navigate(url(port, "/login"));
        assertOnLoginPage(page);
        Locator form = page.locator("vaadin-login-form");
        form.locator("input[name=username]").fill(email);
        form.locator("input[name=password]").fill(password);
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sign in").setExact(true)).click();
    }

    /** The navbar of the app layout (who is signed in, sign-out). */
    public Locator navbar() {
        return navbar(page);
    }

    /** The navbar of this page (of any context). */
    public static Locator navbar(Page page) {
        return page.locator("vaadin-app-layout [slot=navbar]");
    }

    /** Presses "Sign out" in the navbar. */
    public void signOut() {
        signOut(page);
    }

    /** Presses "Sign out" in the navbar of this page (of any context). */
    public static void signOut(Page page) {
        navbar(page).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sign out").setExact(true)).click();
    }

    /** Saves a full-page screenshot to {@code target/screenshots/<name>.png} and returns its path. */
    public Path screenshot(String name) {
        return screenshot(page, name);
    }

    /** As {@link #screenshot(String)}, of this page (of any context). */
    public static Path screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }
}
