package io.metalboot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.router.RequiredTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TftpCommandTest {
    @TempDir
    Path dir;

    @Test
    void aMissingDataDirectoryIsBadInput() {
        Cli cli = Cli.run("tftp", "--data", dir.resolve("nope").toString());
        assertEquals(2, cli.exitCode());
        assertEquals("metalboot: --data " + dir.resolve("nope") + " is not a directory; create it (metalboot serves"
                + " DIR/tftpboot from it) or point --data at your data directory\n", cli.err());
    }

    @Test
    void aBadListenAddressIsBadInput() {
        Cli cli = Cli.run("tftp", "--data", dir.toString(), "--listen", "127.0.0.1:69x");
        assertEquals(2, cli.exitCode());
        assertEquals("metalboot: --listen '127.0.0.1:69x': port '69x' is not a number from 0 to 65535"
                + " (e.g. 127.0.0.1:6969)\n", cli.err());
    }

    @Test
    void anIpxeDirectoryWithoutTheFilesIsBadInput() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Cli cli = Cli.run("tftp", "--data", dir.toString(), "--ipxe-from", empty.toString());
        assertEquals(2, cli.exitCode());
        assertEquals("metalboot: --ipxe-from " + empty + " holds none of undionly.kpxe, ipxe.efi, snponly.efi; give the"
                + " directory with the iPXE binaries (e.g. /usr/lib/ipxe)\n", cli.err());
    }

    @Test
    void copiesTheIpxeFilesAndServesThemUntilStopped() throws Exception {
        Path ipxe = Files.createDirectories(dir.resolve("ipxe"));
        Files.write(ipxe.resolve("undionly.kpxe"), new byte[70_000]);
        Path data = Files.createDirectories(dir.resolve("data"));
        Cli.Running running = Cli.start("tftp", "--data", data.toString(), "--listen", "127.0.0.1:0", "--ipxe-from", ipxe.toString());
        Cli stopped;
        try {
            Matcher serving = Pattern.compile("serving (.*) over TFTP on 127\\.0\\.0\\.1:(\\d+) \\(Ctrl-C to stop\\)").matcher("");
            for (int i = 0; i < 100 && !serving.reset(running.out()).find(); i++) {
                Thread.sleep(100);
            }
            assertTrue(serving.reset(running.out()).find(), running.out());
            Path got = dir.resolve("got.kpxe");
            RequiredTool.Run curl = RequiredTool.find("curl", "curl").run("-sS", "--max-time", "20", "-o", got.toString(),
                    "tftp://127.0.0.1:" + serving.group(2) + "/undionly.kpxe");
            assertEquals(0, curl.exitCode(), curl.output());
            assertEquals(70_000, Files.size(got));
            for (int i = 0; i < 100 && !running.out().contains("sent "); i++) {
                Thread.sleep(100); // the event is printed once the server has the last ACK
            }
        } finally {
            stopped = running.stop();
        }
        assertEquals(0, stopped.exitCode());
        String text = stopped.out();
        assertTrue(text.startsWith("copied undionly.kpxe into " + data.resolve("tftpboot") + "\nserving "
                + data.resolve("tftpboot") + " over TFTP on 127.0.0.1:"), text);
        assertTrue(text.endsWith(" (Ctrl-C to stop)\nsent undionly.kpxe to 127.0.0.1 (70000 bytes)\n"), text);
    }
}
