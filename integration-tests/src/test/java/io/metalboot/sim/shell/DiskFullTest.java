package io.metalboot.sim.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** "No space left on device" on /config, reported as ash / bash and busybox / coreutils do, status 1. */
class DiskFullTest {
    record Case(String name, Dialect dialect, String script, SimShell.Result expected) {
        @Override
        public String toString() {
            return name + " (" + dialect + ")";
        }
    }

    private static SimShell.Result err(String message) {
        return new SimShell.Result("", message + "\n", 1);
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("redirect", Dialect.ASH, "echo x > /config/f", err("sh: can't create /config/f: No space left on device")),
                new Case("redirect", Dialect.VBASH, "echo x > /config/f", err("bash: /config/f: No space left on device")),
                new Case("append", Dialect.ASH, "echo x >> /config/old", err("sh: can't create /config/old: No space left on device")),
                new Case("here-doc to file", Dialect.VBASH, "cat <<'EOT' > /config/scripts/ipxe-green.conf\nx\nEOT",
                        err("bash: /config/scripts/ipxe-green.conf: No space left on device")),
                new Case("cp", Dialect.ASH, "cp /tmp/a /config/b", err("cp: can't create '/config/b': No space left on device")),
                new Case("cp", Dialect.VBASH, "cp /tmp/a /config/b",
                        err("cp: cannot create regular file '/config/b': No space left on device")),
                new Case("mkdir", Dialect.ASH, "mkdir /config/d", err("mkdir: can't create directory '/config/d': No space left on device")),
                new Case("mkdir -p", Dialect.VBASH, "mkdir -p /config/d/e",
                        err("mkdir: cannot create directory '/config/d/e': No space left on device")),
                new Case("mv", Dialect.ASH, "mv /tmp/a /config/a", err("mv: can't rename '/tmp/a': No space left on device")),
                new Case("mv", Dialect.VBASH, "mv /tmp/a /config/a",
                        err("mv: cannot move '/tmp/a' to '/config/a': No space left on device")),
                new Case("touch", Dialect.ASH, "touch /config/t", err("touch: /config/t: No space left on device")),
                new Case("touch", Dialect.VBASH, "touch /config/t", err("touch: cannot touch '/config/t': No space left on device")),
                new Case("status is visible to the script", Dialect.ASH,
                        "cp /tmp/a /config/b 2>/dev/null || echo \"failed $?\"; echo ok > /tmp/still-writable && cat /tmp/still-writable",
                        new SimShell.Result("failed 1\nok\n", "", 0)),
                new Case("> truncates the old file as a real open(O_TRUNC) would", Dialect.ASH,
                        "echo new 2>/dev/null > /config/old; wc -c < /config/old", new SimShell.Result("0\n", "", 0)),
                new Case(">> keeps the old file", Dialect.VBASH,
                        "echo new 2>/dev/null >> /config/old; cat /config/old", new SimShell.Result("old\n", "", 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsNoSpace(Case c, @TempDir Path dir) throws Exception {
        SimShell sim = new SimShell(dir, c.dialect());
        sim.fs.write("/tmp/a", "a\n");
        sim.fs.write("/config/old", "old\n");
        sim.fs.mkdir("/config/scripts", true);
        sim.fs.diskFull(Optional.of("/config"));
        assertEquals(c.expected(), sim.run(c.script()));
    }
}
