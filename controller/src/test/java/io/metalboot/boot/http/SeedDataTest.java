package io.metalboot.boot.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.metalboot.boot.store.FileStore;
import io.metalboot.boot.Progress;
import io.metalboot.router.RequiredTool;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's own groups, profile and Ignition template, copied verbatim into a data dir, served by
 * the real server on a loopback port; Ignition checked with the real ignition-validate.
 */
class SeedDataTest {
    static final Path SEED = Path.of("src/test/resources/seed-data");
    static final String MAC = "b8:ae:ed:7a:b6:92";

    @TempDir
    Path tmp;
    FileStore data;
    BootServer server;
    HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        data = new FileStore(SEED);
        server = BootServer.start("127.0.0.1", 0, data, new Progress(Map.of(), Map.of(MAC, "kube-master"), Clock.systemUTC()));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        data.close();
    }

    HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void ipxeGivesTheProfilesKernelInitrdAndCmdline() throws Exception {
        HttpResponse<String> boot = get("/boot.ipxe");
        assertEquals(200, boot.statusCode());
        assertTrue(boot.body().startsWith("#!ipxe\nchain ipxe?uuid=${uuid}&mac=${mac:hexhyp}&domain=${domain}"), boot.body());
        HttpResponse<String> ipxe = get("/ipxe?uuid=1cff5c42-0000-0000-0000-000000000000&mac=B8-AE-ED-7A-B6-92");
        assertEquals(200, ipxe.statusCode(), ipxe.body());
        assertEquals("#!ipxe\nkernel /assets/coreos/1053.2.0/coreos_production_pxe.vmlinuz coreos.autologin"
                + " coreos.config.url=http://192.168.1.250/ignition?uuid=${uuid}&mac=${net0/mac:hexhyp} coreos.first_boot\n"
                + "initrd /assets/coreos/1053.2.0/coreos_production_pxe_image.cpio.gz\nboot\n", ipxe.body());
    }

    @Test
    void ignitionIsValidAndHasTheSeedsExecStartLinesFilledIn() throws Exception {
        RequiredTool validate = RequiredTool.find("ignition-validate", "ignition");
        HttpResponse<String> ign = get("/ignition?uuid=abc&mac=b8:ae:ed:7a:b6:92");
        assertEquals(200, ign.statusCode(), ign.body());
        Path file = Files.writeString(tmp.resolve("install.ign"), ign.body());
        RequiredTool.Run run = validate.run(file.toString());
        assertEquals(0, run.exitCode(), run.output() + "\n" + ign.body());
        JsonNode unit = new ObjectMapper().readTree(ign.body()).path("systemd").path("units").get(0);
        assertEquals("install.service", unit.path("name").asText());
        assertTrue(unit.path("enabled").asBoolean());
        String contents = unit.path("contents").asText();
        assertTrue(contents.contains("ExecStart=/usr/bin/curl http://192.168.1.250/ignition?uuid=abc&mac=b8:ae:ed:7a:b6:92&os=installed"
                + " -o ignition.json\n"), contents);
        assertTrue(contents.contains("ExecStart=/usr/bin/coreos-install -d /dev/sda -C alpha -V 1053.2.0 -i ignition.json"
                + " -b http://192.168.1.250/assets/coreos\n"), contents);
    }

    @Test
    void installedSelectsTheMachinesOwnGroup() throws Exception {
        HttpResponse<String> ign = get("/ignition?mac=b8:ae:ed:7a:b6:92&os=installed");
        assertEquals(200, ign.statusCode(), ign.body());
        assertTrue(ign.body().contains("\"path\":\"/etc/hostname\""), ign.body());
        RequiredTool.Run run = RequiredTool.find("ignition-validate", "ignition").run(Files.writeString(tmp.resolve("m.ign"), ign.body()).toString());
        assertEquals(0, run.exitCode(), run.output());
        HttpResponse<String> meta = get("/metadata?mac=b8:ae:ed:7a:b6:92&os=installed");
        assertTrue(meta.body().contains("IPV4_ADDRESS=192.168.1.201\nMAC=b8:ae:ed:7a:b6:92\nOS=installed\n"), meta.body());
        HttpResponse<String> grub = get("/grub?mac=b8:ae:ed:7a:b6:93");
        assertTrue(grub.body().startsWith("default=0\ntimeout=1\nmenuentry \"Install CoreOS and Reboot\" {\n"), grub.body());
        assertTrue(grub.body().contains("initrdefi \"/assets/coreos/1053.2.0/coreos_production_pxe_image.cpio.gz\""), grub.body());
        String metrics = get("/metrics").body();
        assertTrue(metrics.contains("metalboot_http_requests_total{endpoint=\"ignition\",status=\"200\"} 1\n"), metrics);
        assertTrue(metrics.contains("# TYPE metalboot_render_seconds_sum counter\n"), metrics);
        assertTrue(metrics.contains("# TYPE metalboot_request_seconds histogram\n"), metrics);
        assertTrue(metrics.contains("metalboot_request_seconds_bucket{endpoint=\"ignition\",le=\"+Inf\"} 1\n"), metrics);
        assertTrue(metrics.contains("metalboot_request_seconds_count{endpoint=\"ignition\"} 1\n"), metrics);
        HttpResponse<String> status = get("/status");
        assertTrue(status.body().contains("\"stage\" : \"installed\"") && status.body().contains("\"name\" : \"kube-master\""), status.body());
    }

    @Test
    void badRequestsAreRefusedWithTheReason() throws Exception {
        HttpResponse<String> injection = get("/ignition?mac=b8:ae:ed:7a:b6:92&x=%22%7D%0Apasswd:");
        assertEquals(400, injection.statusCode());
        assertTrue(injection.body().startsWith("label x '\"}?passwd:' is not a label value"), injection.body());
        assertEquals(400, get("/ipxe?mac=zz:ae:ed:7a:b6:92").statusCode());
        assertEquals(404, get("/assets/../groups/install.json").statusCode());
        assertEquals(403, get("/assets/coreos/").statusCode(), "no directory listings");
        assertEquals("kernel-bytes\n", get("/assets/coreos/1053.2.0/coreos_production_pxe.vmlinuz").body());
    }
}
