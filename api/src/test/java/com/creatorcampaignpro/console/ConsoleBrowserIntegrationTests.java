package com.creatorcampaignpro.console;

import com.creatorcampaignpro.db.testing.PostgresExtension;
import com.creatorcampaignpro.db.testing.TestDatabase;
import com.creatorcampaignpro.jobs.TestJobsConfiguration;
import com.creatorcampaignpro.user.UserDao;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The operators' console in a real headless Chromium against a real server: sign-in (and the
 * refusal of a non-operator), a launch of metricsRollupJob watched to completion through the live
 * event stream, a refused launch whose problem names the field, the restart of a failed execution,
 * the schedule actions (cron edit, pause, resume, trigger now), and stop then abandon. One browser
 * session for all of it. Skipped only when Chromium or chromedriver is
 * missing (.ci/run installs Debian's {@code chromium} and {@code chromium-driver}).
 * {@code -Dccp.console.screenshots=docs} writes the README's screenshot from this run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(PostgresExtension.class)
class ConsoleBrowserIntegrationTests {
    private static final String PASSWORD = "correct horse battery";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern EXECUTION_ID = Pattern.compile("execution (\\d+)");

    private static WebDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    UserDao users;
    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase db = TestDatabase.shared();
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", db::password);
    }

    /** In the test, not in a @BeforeAll: surefire reports a failed assumption there as no test at all, not as a skip. */
    static void startBrowser() {
        File chromium = new File(System.getProperty("ccp.chromium", "/usr/bin/chromium"));
        File chromedriver = new File(System.getProperty("ccp.chromedriver", "/usr/bin/chromedriver"));
        assumeTrue(chromium.canExecute() && chromedriver.canExecute(), "Chromium (" + chromium + ") or chromedriver ("
                + chromedriver + ") is not installed: apt-get install chromium chromium-driver (.ci/run does it)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1050", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOperatorLaunchesWatchesLiveAndRestartsAFailedExecution() throws Exception {
        startBrowser();
        String marketer = registered("marketer");
        String operator = registered("marketer");
        users.grantRole(userId(operator), "operator", null);

        // A marketer signs in: the console says it is not for them, and lets them sign out.
        browser.get(base() + "/console");
        signIn(marketer);
        WebElement denied = await(By.id("denied-view"));
        assertThat(denied.getText()).contains("for operators and administrators").contains("marketer");
        browser.findElement(By.id("denied-logout")).click();

        // The operator signs in, and the live stream connects before anything is launched.
        signIn(operator);
        await(By.cssSelector("#jobs-table tr[data-job='metricsRollupJob']"));
        wait(WAIT).until(ExpectedConditions.textToBe(By.id("live-state"), "live: connected"));
        assertThat(browser.findElement(By.id("who")).getText()).contains(operator).contains("operator");

        // The tokens live in this tab's sessionStorage, never in a cookie; an expired access token is
        // refreshed with the refresh token (here: marked expired, then the page reloaded).
        assertThat(browser.manage().getCookies()).isEmpty();
        JavascriptExecutor page = (JavascriptExecutor) browser;
        String session = "JSON.parse(sessionStorage.getItem('ccp.console.session'))";
        String refreshToken = (String) page.executeScript("return " + session + ".refreshToken;");
        page.executeScript("const s = " + session + "; s.accessTokenExpiresAt = 0;"
                + " sessionStorage.setItem('ccp.console.session', JSON.stringify(s));");
        browser.navigate().refresh();
        await(By.cssSelector("#jobs-table tr[data-job='metricsRollupJob']"));
        wait(WAIT).until(ExpectedConditions.textToBe(By.id("live-state"), "live: connected"));
        assertThat((String) page.executeScript("return " + session + ".refreshToken;")).isNotBlank().isNotEqualTo(refreshToken);
        assertThat((Long) page.executeScript("return " + session + ".accessTokenExpiresAt;")).isGreaterThan(System.currentTimeMillis());
        assertThat(browser.manage().getCookies()).isEmpty();

        // Launch the rollup from its generated form; watch it finish through the stream.
        click(By.cssSelector("#jobs-table tr[data-job='metricsRollupJob'] button[aria-label='Launch metricsRollupJob']"));
        WebElement mode = await(By.id("param-mode"));
        assertThat(browser.findElement(By.cssSelector("label[for='param-mode']")).getText()).isEqualTo("mode");
        assertThat(mode.getAttribute("placeholder")).isEqualTo("auto");
        click(By.id("launch-submit"));
        long rollup = executionIdIn(By.id("notice"), "Launched metricsRollupJob");
        WebElement progress = await(By.cssSelector("#live-log li[data-execution='" + rollup + "'][data-event='execution.step']"));
        assertThat(progress.getText()).contains("metricsRollupJob execution " + rollup + ": step metricsRollupStep COMPLETED");
        WebElement finished = await(By.cssSelector("#live-log li[data-execution='" + rollup + "'][data-event='execution.finished']"));
        assertThat(finished.getText()).contains("metricsRollupJob execution " + rollup + " finished: COMPLETED");
        wait(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#jobs-table tr[data-job='metricsRollupJob'] td[data-role='status']"), "COMPLETED"));

        // A parameter out of its range: the problem's field message sits beside the field.
        click(By.cssSelector("#jobs-table tr[data-job='housekeepingJob'] button[aria-label='Launch housekeepingJob']"));
        WebElement batchSize = await(By.id("param-batchSize"));
        assertThat(batchSize.getAttribute("min")).isEqualTo("1");
        assertThat(batchSize.getAttribute("max")).isEqualTo("100000");
        batchSize.sendKeys("0");
        click(By.id("launch-submit"));
        WebElement fieldError = await(By.id("param-batchSize-error"));
        assertThat(fieldError.getText()).contains("between 1 and 100000");
        assertThat(batchSize.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("error")).getText()).contains("parameters.batchSize");
        click(By.id("launch-cancel"));

        // flakyJob's second step fails once: the console shows the failure live, then restarts it.
        TestJobsConfiguration.failFinishOnce.set(true);
        click(By.cssSelector("#jobs-table tr[data-job='flakyJob'] button[aria-label='Launch flakyJob']"));
        await(By.id("param-label")).sendKeys("console-" + UUID.randomUUID());
        click(By.id("launch-submit"));
        long failed = executionIdIn(By.id("notice"), "Launched flakyJob");
        WebElement failedEvent = await(By.cssSelector("#live-log li[data-execution='" + failed + "'][data-event='execution.failed']"));
        assertThat(failedEvent.getText()).contains("failed: FAILED").contains("finish failed on purpose");

        click(By.cssSelector("#jobs-table tr[data-job='flakyJob'] button[aria-label='Executions of flakyJob']"));
        WebElement failedRow = await(By.cssSelector("#executions-table tr[data-execution='" + failed + "'][data-status='FAILED']"));
        assertThat(failedRow.getText()).contains("finish failed on purpose");
        click(By.cssSelector("button[aria-label='Restart execution " + failed + "']"));
        long restarted = executionIdIn(By.id("notice"), "Restarted execution " + failed + " as");
        await(By.cssSelector("#live-log li[data-execution='" + restarted + "'][data-event='execution.finished']"));
        await(By.cssSelector("#executions-table tr[data-execution='" + restarted + "'][data-status='COMPLETED']"));
        // The restart's detail: the failed step ran again, the completed one was not redone.
        wait(WAIT).until(ExpectedConditions.attributeToBe(By.id("detail-facts"), "data-status", "COMPLETED"));
        assertThat(browser.findElement(By.id("detail-title")).getText()).isEqualTo("Execution " + restarted + " of flakyJob");
        assertThat(browser.findElements(By.cssSelector("#steps-table tr[data-step]")))
                .extracting(WebElement::getText).singleElement().asString().startsWith("finish COMPLETED 0 2");

        screenshot("console.png");

        // Schedules: a cron the scheduler refuses is shown beside its field; pause and resume; the
        // schedule is left as it was (other tests read it).
        click(By.id("tab-schedules"));
        click(By.cssSelector("button[aria-label='Edit cron of housekeepingJob']"));
        WebElement cron = await(By.id("cron-expression"));
        String originalCron = cron.getAttribute("value");
        cron.clear();
        cron.sendKeys("every night please");
        click(By.id("cron-submit"));
        assertThat(await(By.id("cron-expression-error")).getText()).isNotBlank();
        assertThat(cron.getAttribute("aria-invalid")).isEqualTo("true");
        cron.clear();
        cron.sendKeys(originalCron);
        click(By.id("cron-submit"));
        wait(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"),
                "Schedule of housekeepingJob is now " + originalCron));
        // Other tests of this suite (the authorization matrix) may have left the schedule paused: start
        // from NORMAL and put the original state back at the end.
        By state = By.cssSelector("#schedules-table tr[data-schedule='housekeepingJob'] td[data-role='state']");
        boolean pausedBefore = await(state).getText().contains("PAUSED");
        if (pausedBefore) {
            click(By.cssSelector("button[aria-label='Resume schedule of housekeepingJob']"));
            wait(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(state, "NORMAL"));
        }
        click(By.cssSelector("button[aria-label='Pause schedule of housekeepingJob']"));
        wait(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(state, "PAUSED"));
        click(By.cssSelector("button[aria-label='Resume schedule of housekeepingJob']"));
        wait(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(state, "NORMAL"));
        // Trigger now: a scheduler (here this instance's) fires it; the run shows up in the live list.
        click(By.cssSelector("button[aria-label='Trigger now: housekeepingJob']"));
        wait(WAIT).until(driver -> driver.findElements(By.cssSelector("#live-log li[data-event='execution.finished']")).stream()
                .anyMatch(item -> item.getText().contains("housekeepingJob execution")
                        && item.getText().contains("finished: COMPLETED")));
        if (pausedBefore) {
            click(By.cssSelector("button[aria-label='Pause schedule of housekeepingJob']"));
            wait(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(state, "PAUSED"));
        }

        // Stop a running execution, then abandon it (after the browser's confirmation).
        TestJobsConfiguration.release = new CountDownLatch(1);
        try {
            click(By.id("tab-jobs"));
            click(By.cssSelector("#jobs-table tr[data-job='blockingJob'] button[aria-label='Launch blockingJob']"));
            click(By.id("launch-submit"));
            long blocking = executionIdIn(By.id("notice"), "Launched blockingJob");
            await(By.cssSelector("#live-log li[data-execution='" + blocking + "'][data-event='execution.started']"));
            click(By.cssSelector("#jobs-table tr[data-job='blockingJob'] button[aria-label='Executions of blockingJob']"));
            click(By.cssSelector("button[aria-label='Stop execution " + blocking + "']"));
            await(By.cssSelector("#live-log li[data-execution='" + blocking + "'][data-event='execution.finished']"));
            click(By.cssSelector("#executions-table tr[data-execution='" + blocking + "'][data-status='STOPPED'] "
                    + "button[aria-label='Abandon execution " + blocking + "']"));
            wait(WAIT).until(ExpectedConditions.alertIsPresent()).accept();
            await(By.cssSelector("#executions-table tr[data-execution='" + blocking + "'][data-status='ABANDONED']"));
        } finally {
            TestJobsConfiguration.release.countDown();
        }

        click(By.id("tab-jobs"));
        await(By.cssSelector("#jobs-table tr[data-job='flakyJob']"));
        screenshot("console-jobs.png");
    }

    // ---------------------------------------------------------------------------------------------

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private void signIn(String email) {
        WebElement emailField = await(By.id("login-email"));
        emailField.clear();
        emailField.sendKeys(email);
        browser.findElement(By.id("login-password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login-submit")).click();
    }

    private static WebDriverWait wait(Duration timeout) {
        return new WebDriverWait(browser, timeout);
    }

    private static WebElement await(By locator) {
        return wait(WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    private static void click(By locator) {
        wait(WAIT).until(ExpectedConditions.elementToBeClickable(locator)).click();
    }

    /** Waits for {@code prefix} in the element's text and returns the execution id that follows it. */
    private static long executionIdIn(By locator, String prefix) {
        String text = wait(WAIT).until(driver -> {
            String t = driver.findElement(locator).getText();
            return t.contains(prefix) ? t : null;
        });
        Matcher m = EXECUTION_ID.matcher(text.substring(text.indexOf(prefix) + prefix.length()));
        assertThat(m.find()).as(text).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** The whole page from the top: the window grows to the page's height (at most 2400 px), then back. */
    private static void screenshot(String name) throws IOException {
        Dimension size = browser.manage().window().getSize();
        Object height = ((JavascriptExecutor) browser).executeScript(
                "window.scrollTo(0, 0); return document.documentElement.scrollHeight;");
        browser.manage().window().setSize(new Dimension(size.getWidth(),
                Math.min(2400, Math.max(size.getHeight(), ((Number) height).intValue() + 40))));
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        browser.manage().window().setSize(size);
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.write(target, png);
        String folder = System.getProperty("ccp.console.screenshots");
        if (folder != null && !folder.isBlank()) {
            Files.write(Files.createDirectories(Path.of(folder)).resolve(name), png);
        }
    }

    private String registered(String userType) throws Exception {
        String email = userType + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/auth/register"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("email", email, "password", PASSWORD,
                        "userType", userType, "firstName", "Console", "lastName", "Tester"))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = json.readTree(response.body());
        registeredIds.put(email, UUID.fromString(body.get("user").get("id").asString()));
        return email;
    }

    private final Map<String, UUID> registeredIds = new java.util.HashMap<>();

    private UUID userId(String email) {
        return registeredIds.get(email);
    }
}
