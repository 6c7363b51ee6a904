package org.trialsearch.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from the machine's own packages, driven through the packaged chromedriver:
 * nothing is downloaded. Waits poll with a generous timeout, so a slow machine only makes a test
 * slower, never wrong.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private final ChromeDriver driver;
  private final String base;

  private Browser(ChromeDriver driver, String base) {
    this.driver = driver;
    this.base = base;
  }

  /** A browser at desktop size whose relative addresses go to this port. */
  static Browser open(int port) throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException("The browser tests need Debian's Chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER
          + ": apt-get install chromium chromium-driver (.ci/run installs them)");
    }
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeOptions options = new ChromeOptions()
        .setBinary(CHROMIUM.toFile())
        .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--window-size=1280,900",
            "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    return new Browser(new ChromeDriver(service, options), "http://localhost:" + port);
  }

  WebDriver driver() {
    return driver;
  }

  void go(String pathAndQuery) {
    driver.get(base + pathAndQuery);
  }

  /** The path and query string of the page shown now. */
  String location() {
    return ((String) script("return location.pathname + location.search"));
  }

  Object script(String js, Object... args) {
    return driver.executeScript(js, args);
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  <T> T until(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, PATIENCE).until(condition);
  }

  /** Waits until the page has the search answer for its current address on screen. */
  void awaitSearch() {
    until(d -> script("return document.getElementById('results').getAttribute('aria-busy') === null"
        + " && document.getElementById('result-count').textContent !== ''").equals(Boolean.TRUE));
  }

  /** Shows the page as it prints (print media) or as the screen shows it again. */
  void emulatePrint(boolean print) {
    driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", print ? "print" : ""));
  }

  /** Waits until the trial page has loaded (the record comes with it, or the page saying it is missing). */
  void awaitTrial() {
    until(d -> script("return document.readyState === 'complete' && document.getElementById('trial') !== null").equals(Boolean.TRUE));
  }

  /**
   * Writes the whole page, as a device this wide shows it, to {@code target/screenshots/NAME.png};
   * a phone is emulated as one (touch, its own viewport). Returns how many CSS pixels the page
   * overflows the screen sideways (0 when it fits).
   */
  long screenshot(String name, int width, boolean phone) throws IOException {
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", phone ? 844 : 900, "deviceScaleFactor", 1, "mobile", phone));
    try {
      long overflow = (Long) script("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
      long height = Math.min(8000, (Long) script("return document.documentElement.scrollHeight"));
      Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
          "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
      Files.createDirectories(SCREENSHOTS);
      Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
      return overflow;
    } finally {
      driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  /**
   * Runs the axe-core accessibility engine over the page as it is now (WCAG 2.1 A and AA rules and
   * axe's best practices) and returns its violations as "rule: what (where)" lines.
   */
  @SuppressWarnings("unchecked")
  List<String> accessibilityViolations() throws IOException {
    try (InputStream in = Browser.class.getResourceAsStream("/axe.min.js")) {
      driver.executeScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    Object result = driver.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] })
          .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' (' + v.nodes.map(n => n.target.join(' ')).join(', ') + ')')))
          .catch(e => done(['axe failed: ' + e]));
        """);
    return (List<String>) result;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
