package io.camaudit.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.camaudit.register.Organisation;
import io.camaudit.shared.Role;
import io.camaudit.support.Estates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A person's path through the service in a real browser: sign in, import a return, see the
 * devices. Uses Debian's chromium and chromium-driver (which .ci/run installs) and skips, saying
 * so, where they are missing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Estates.class)
class BrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @LocalServerPort
    int port;

    @Autowired
    Estates estates;

    @TempDir
    Path profile;

    WebDriver browser;

    @BeforeEach
    void startBrowser() {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser test skipped: install Debian's chromium and chromium-driver (.ci/run does)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // The flags keep Chromium off the network (this machine has none) and fit it to CI.
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,2000",
                "--user-data-dir=" + profile.resolve("chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOfficerSignsInImportsAReturnAndSeesItsDevices() throws IOException {
        Organisation council = estates.organisation("Browser Borough Council");
        Estates.Credentials officer = estates.account(Role.OFFICER, council.id());
        Path file = profile.resolve("foi-council-messy.csv");
        try (var in = getClass().getResourceAsStream("/fixtures/returns/foi-council-messy.csv")) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

        browser.get("http://localhost:" + port + "/login");
        assertThat(browser.getTitle()).isEqualTo("Sign in – camaudit");
        browser.findElement(By.id("username")).sendKeys(officer.username());
        browser.findElement(By.id("password")).sendKeys(officer.password());
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.titleIs("Overview – camaudit"));

        browser.get("http://localhost:" + port + "/imports/new");
        browser.findElement(By.id("file")).sendKeys(file.toString());
        browser.findElement(By.id("check-file")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("commit-import")));
        assertThat(browser.findElement(By.id("issues-heading")).getText()).isEqualTo("0 errors and 0 warnings");
        browser.findElement(By.id("commit-import")).click();
        wait.until(ExpectedConditions.textToBe(By.id("import-status"), "Committed"));

        browser.get("http://localhost:" + port + "/devices");
        assertThat(browser.findElement(By.id("match-count")).getText()).startsWith("8 devices match.");
        assertThat(browser.findElements(By.cssSelector("#devices tbody tr"))).hasSize(8);
        assertThat(browser.findElement(By.id("devices")).getText()).contains("HIK VISION DS-2CD2143G0-I");
        // GOV.UK Frontend's JavaScript ran under the page's Content Security Policy.
        assertThat(browser.findElement(By.tagName("body")).getAttribute("class"))
                .contains("govuk-frontend-supported");

        Path screenshots = Path.of("target", "screenshots");
        Files.createDirectories(screenshots);
        Files.write(
                screenshots.resolve("devices.png"),
                ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
