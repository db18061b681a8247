package io.metalboot.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.bench.BootStorm;
import io.metalboot.boot.Progress;
import io.metalboot.boot.events.Board;
import io.metalboot.boot.events.BootEvents;
import io.metalboot.boot.events.FileEventLog;
import io.metalboot.boot.events.Oui;
import io.metalboot.boot.http.BootServer;
import io.metalboot.boot.http.Overview;
import io.metalboot.boot.store.FileStore;
import io.metalboot.cli.Cli;
import io.metalboot.inventory.Inventory;
import io.metalboot.inventory.InventoryLoader;
import io.metalboot.inventory.UnknownMachines;
import io.metalboot.router.RequiredTool;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The lab page in headless Chromium while machines boot: one goes ipxe → kernel → initrd → ignition → installed
 * without a reload, an unknown one shows up with its adopt command (its markup-laden host name as text), the stage
 * filter works, nothing is loaded from outside this server. The README's screenshot is taken here, at 50 machines.
 */
class LabPageBrowserTest {
    static final Path SCREENSHOT = Path.of("..", "docs", "lab-page.png");
    static final String STRANGER = "52:54:00:12:34:56";

    @TempDir
    Path dir;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void watchesMachinesBootLive() throws Exception {
        RequiredTool chromium = RequiredTool.find("chromium", "chromium");
        RequiredTool driverTool = RequiredTool.find("chromedriver", "chromium-driver");
        Cli prepared = Cli.run("bench", "storm", "prepare", "--out", dir.toString(), "--machines", "50", "--kernel-mb", "1", "--initrd-mb", "1");
        assertEquals(0, prepared.exitCode(), prepared.out() + prepared.err());
        Inventory inv = InventoryLoader.load(dir.resolve("cluster.yaml"));
        List<Board.Known> known = inv.machines().stream().map(m -> new Board.Known(m.mac().toString(), m.name(), m.ip().toString(),
                m.role().name().toLowerCase())).toList();
        Path data = dir.resolve("data");
        Path kernel = Files.walk(data.resolve("assets")).filter(p -> p.toString().endsWith(".vmlinuz")).findFirst().orElseThrow();
        Path initrd = Files.walk(data.resolve("assets")).filter(p -> p.toString().contains(".cpio")).findFirst().orElseThrow();
        BootEvents events = new BootEvents(new FileEventLog(dir.resolve("state"), FileEventLog.DEFAULT_MAX_BYTES),
                new Progress(Map.of(), Map.of(), Clock.systemUTC()), new Board(known), new Oui(Oui.DEBIAN), Clock.systemUTC());
        Overview overview = () -> Map.of("Router", List.of(Map.of("text", "revision 0003 on 10.0.0.1: applied", "level", "ok")));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driverTool.path().toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(chromium.path().toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000",
                        "--user-data-dir=" + dir.resolve("chromium"));
        try (FileStore live = new FileStore(data); events;
                BootServer server = BootServer.start("127.0.0.1", 0, live, new BootServer.Options(events, UnknownMachines.DISCOVER, overview))) {
            String base = "http://127.0.0.1:" + server.port();
            ChromeDriver browser = new ChromeDriver(service, options);
            try {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120)); // bounded; generous for loaded machines
                browser.get(base + "/ui");
                wait.until(d -> d.findElement(By.id("live")).getText().equals("live"));
                ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");

                String mac = inv.machines().get(1).mac().toString();
                String hex = mac.replace(':', '-');
                String kernelPath = "/" + data.relativize(kernel);
                String initrdPath = "/" + data.relativize(initrd);
                for (String[] step : new String[][] {{"/ipxe?mac=" + hex, "ipxe"}, {kernelPath, "kernel"}, {initrdPath, "initrd"},
                        {"/ignition?mac=" + hex, "ignition"}, {"/ignition?mac=" + hex + "&os=installed", "installed"}}) {
                    get(base + step[0]);
                    wait.until(d -> stageOf(d.findElements(By.cssSelector("tr[data-mac='" + mac + "'] td.stage"))).equals(step[1]));
                }
                assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript("return window.notReloaded === true;"));

                assertTrue(get(base + "/ipxe?mac=" + STRANGER.replace(':', '-')).contains("imgfetch --name metalboot-report discover?"));
                get(base + "/discover?mac=" + STRANGER + "&hostname=%3Cscript%3Ewindow.pwned%3D1%3C%2Fscript%3E%3Cimg%20src%3Dx%20onerror%3Dpwned%3D2%3E&memsize=4096");
                By stranger = By.cssSelector("tr[data-mac='" + STRANGER + "']");
                wait.until(d -> !d.findElements(stranger).isEmpty() && d.findElement(stranger).getText().contains("memsize=4096"));
                WebElement row = browser.findElement(stranger);
                assertEquals("metalboot adopt " + STRANGER + " --name node-123456 --role worker",
                        row.findElement(By.cssSelector("code.adopt")).getText());
                assertTrue(row.getText().contains("says: <script>window.pwned=1</script><img src=x onerror=pwned=2>"), row.getText());
                assertNull(((JavascriptExecutor) browser).executeScript("return window.pwned === undefined ? null : window.pwned;"));
                assertTrue(browser.findElements(By.cssSelector("#machines img, #machines script")).isEmpty());

                List<String> rest = inv.machines().stream().skip(2).map(m -> m.mac().toString()).toList();
                BootStorm.Expected expected = new BootStorm.Expected(kernelPath, Files.size(kernel), initrdPath, Files.size(initrd));
                BootStorm.Result storm = new BootStorm(new InetSocketAddress("127.0.0.1", server.port()), expected, 30_000)
                        .run(inv.machines().stream().skip(2).map(m -> new BootStorm.Machine(m.name(), m.mac().toString())).toList(),
                                Duration.ofMinutes(3));
                assertEquals(List.of(), storm.messages());
                // every storm machine downloads from 127.0.0.1, so a kernel or initrd fetch (known by address only) may be
                // counted for another machine after it was installed: count the installs the timelines show, not the last stage
                String installs = "return [...document.querySelectorAll('#machines tbody td.timeline')]"
                        + ".filter(td => td.textContent.includes('installed')).length;"; // read at once: the page redraws rows
                wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript(installs)).intValue() == rest.size() + 1);

                new Select(browser.findElement(By.id("stage"))).selectByVisibleText("discovered");
                wait.until(d -> d.findElements(By.cssSelector("#machines tbody tr")).size() == 1);
                assertEquals(STRANGER, browser.findElement(By.cssSelector("#machines tbody tr")).getAttribute("data-mac"));
                new Select(browser.findElement(By.id("stage"))).selectByVisibleText("every stage");
                browser.findElement(By.id("filter")).sendKeys(inv.machines().get(7).name());
                wait.until(d -> d.findElements(By.cssSelector("#machines tbody tr")).size() == 1);
                browser.findElement(By.id("filter")).clear();
                browser.findElement(By.id("filter")).sendKeys(" ");
                wait.until(d -> d.findElements(By.cssSelector("#machines tbody tr")).size() == inv.machines().size() + 1);

                @SuppressWarnings("unchecked")
                List<String> urls = (List<String>) ((JavascriptExecutor) browser).executeScript(
                        "return [...document.querySelectorAll('[src],[href]')].map(e => e.src || e.href)"
                                + ".concat(performance.getEntriesByType('resource').map(r => r.name), [location.href]);");
                for (String url : urls) {
                    assertTrue(URI.create(url).getHost().equals("127.0.0.1"), "the page loads " + url + " from outside the server");
                }

                browser.manage().window().setSize(new Dimension(1400, 1000));
                Files.createDirectories(SCREENSHOT.getParent());
                Files.write(SCREENSHOT, browser.getScreenshotAs(OutputType.BYTES));
            } finally {
                browser.quit();
            }
        }
    }

    private String get(String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), url + ": " + r.body());
        return r.body();
    }

    private static String stageOf(List<WebElement> cells) {
        return cells.isEmpty() ? "" : cells.get(0).getText();
    }
}
