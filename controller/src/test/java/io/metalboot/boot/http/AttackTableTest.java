package io.metalboot.boot.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.metalboot.boot.store.FileStore;
import io.metalboot.boot.Progress;
import io.metalboot.router.RequiredTool;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Injection through labels and traversal through asset paths, sent raw with the real curl (--path-as-is). */
class AttackTableTest {
    static FileStore data;
    static BootServer server;

    @BeforeAll
    static void start() throws Exception {
        data = new FileStore(SeedDataTest.SEED);
        server = BootServer.start("127.0.0.1", 0, data, new Progress(Map.of(), Map.of(), Clock.systemUTC()));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        data.close();
    }

    record Attack(String path, int status) {
    }

    static Stream<Attack> attacks() {
        return Stream.of(
                new Attack("/ignition?mac=b8:ae:ed:7a:b6:92&x=%22%7D%2C%22passwd%22%3A%7B", 400),
                new Attack("/ignition?mac=b8:ae:ed:7a:b6:92&x=a%0Apasswd:", 400),
                new Attack("/ignition?mac=b8:ae:ed:7a:b6:92&x=%7B%7B.coreos_channel%7D%7D", 400),
                new Attack("/ignition?mac=b8:ae:ed:7a:b6:92&x='quoted'", 400),
                new Attack("/ignition?mac=b8:ae:ed:7a:b6:92&x=a%20b", 400),
                new Attack("/ignition?mac=b8:ae:ed:7a:b6:92&x=%23comment", 400),
                new Attack("/ignition?mac=b8:ae:ed:7a:b6:92&x=" + "a".repeat(300), 400),
                new Attack("/ignition?mac=b8:ae:ed:7a:b6:92&bad%20key=1", 400),
                new Attack("/ipxe?mac=not-a-mac", 400),
                new Attack("/ignition?mac=b8:ae:ed:7a:b6:92&os=installed&x=ok-value_1.2:3", 200),
                new Attack("/assets/../groups/install.json", 404),
                new Attack("/assets/coreos/../../profiles/install-reboot.json", 404),
                new Attack("/assets/%2e%2e/groups/install.json", 404),
                new Attack("/assets/coreos/%2e%2e/%2e%2e/groups/install.json", 404),
                new Attack("/assets/..%2fgroups%2finstall.json", 404),
                new Attack("/assets//etc/passwd", 404),
                new Attack("/assets/coreos/", 403),
                new Attack("/assets/", 403));
    }

    @ParameterizedTest
    @MethodSource("attacks")
    void isRefusedOrServedSafely(Attack a) throws Exception {
        RequiredTool curl = RequiredTool.find("curl", "curl");
        RequiredTool.Run run = curl.run("-s", "--path-as-is", "-w", "\n%{http_code}", "http://127.0.0.1:" + server.port() + a.path());
        String out = run.output();
        int status = Integer.parseInt(out.substring(out.lastIndexOf('\n') + 1).strip());
        assertEquals(a.status(), status, a + ": " + out);
        assertFalse(out.contains("\"profile\"") || out.contains("\"selector\"") || out.contains("root:x:"), "nothing leaked: " + out);
    }
}
