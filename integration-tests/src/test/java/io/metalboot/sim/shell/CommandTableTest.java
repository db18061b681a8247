package io.metalboot.sim.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** How a command word finds its program: bare names, bin-directory aliases, absolute paths, $PATH, scripts. */
class CommandTableTest {
    record Case(String name, Dialect dialect, String script, SimShell.Result expected) {
        @Override
        public String toString() {
            return name + " (" + dialect + ")";
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("bare name", Dialect.ASH, "uci show", new SimShell.Result("uci [show]\n", "", 0)),
                new Case("bare name as /sbin/NAME", Dialect.ASH, "/sbin/uci show", new SimShell.Result("uci [show]\n", "", 0)),
                new Case("bare name as /usr/bin/NAME", Dialect.ASH, "/usr/bin/uci", new SimShell.Result("uci []\n", "", 0)),
                new Case("absolute path", Dialect.VBASH, "/opt/vyatta/sbin/my-wrapper begin",
                        new SimShell.Result("wrapper [begin]\n", "", 0)),
                new Case("absolute path, normalized", Dialect.VBASH, "/opt/vyatta/../vyatta/sbin//my-wrapper x",
                        new SimShell.Result("wrapper [x]\n", "", 0)),
                new Case("absolute path by base name on PATH", Dialect.VBASH, "PATH=$PATH:/opt/vyatta/sbin; my-wrapper y",
                        new SimShell.Result("wrapper [y]\n", "", 0)),
                new Case("absolute path, not on PATH", Dialect.VBASH, "my-wrapper",
                        new SimShell.Result("", "-vbash: my-wrapper: command not found\n", 127)),
                new Case("unknown (ash)", Dialect.ASH, "frobnicate", new SimShell.Result("", "sh: frobnicate: not found\n", 127)),
                new Case("unknown path (ash)", Dialect.ASH, "/usr/bin/frob", new SimShell.Result("", "sh: /usr/bin/frob: not found\n", 127)),
                new Case("unknown path (vbash)", Dialect.VBASH, "/usr/bin/frob",
                        new SimShell.Result("", "-vbash: /usr/bin/frob: No such file or directory\n", 127)),
                new Case("script file", Dialect.ASH,
                        "printf '#!/bin/sh\\necho \"script $0 $1\"\\nuci x\\n' > /tmp/s.sh; chmod 755 /tmp/s.sh; /tmp/s.sh arg; echo $?",
                        new SimShell.Result("script /tmp/s.sh arg\nuci [x]\n0\n", "", 0)),
                new Case("vbash script", Dialect.VBASH,
                        "printf '#!/bin/vbash\\nfrob\\n' > /tmp/v; chmod +x /tmp/v; /tmp/v",
                        new SimShell.Result("", "-vbash: frob: command not found\n", 127)),
                new Case("script on PATH", Dialect.ASH,
                        "mkdir -p /usr/sbin; printf '#!/bin/sh\\necho local\\n' > /usr/sbin/mine; chmod +x /usr/sbin/mine; mine",
                        new SimShell.Result("local\n", "", 0)),
                new Case("script without execute bit", Dialect.ASH, "echo 'echo x' > /tmp/n.sh; /tmp/n.sh",
                        new SimShell.Result("", "sh: /tmp/n.sh: Permission denied\n", 126)),
                new Case("directory", Dialect.VBASH, "/tmp", new SimShell.Result("", "-vbash: /tmp: Permission denied\n", 126)),
                new Case("test -x sees registered programs", Dialect.VBASH,
                        "[ -x /opt/vyatta/sbin/my-wrapper ] && [ -x /sbin/uci ] && ! [ -x /sbin/nope ] && echo yes",
                        new SimShell.Result("yes\n", "", 0)),
                new Case("command -v", Dialect.ASH, "command -v uci; command -v cd; command -v nope; echo $?",
                        new SimShell.Result("/usr/bin/uci\ncd\n1\n", "", 0)),
                new Case("nohup of a missing program", Dialect.ASH, "nohup frob",
                        new SimShell.Result("", "nohup: can't execute 'frob': No such file or directory\n", 127)),
                new Case("env runs a program with a changed environment", Dialect.ASH, "env A=1 sh -c 'echo $A'",
                        new SimShell.Result("1\n", "", 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void resolves(Case c, @TempDir Path dir) {
        SimShell sim = new SimShell(dir, c.dialect());
        sim.commands.register("uci", inv -> {
            inv.stdout().println("uci " + inv.operands());
            return 0;
        });
        sim.commands.register("/opt/vyatta/sbin/my-wrapper", inv -> {
            inv.stdout().println("wrapper " + inv.operands());
            return 0;
        });
        assertEquals(c.expected(), sim.run(c.script()));
    }

    @ParameterizedTest
    @MethodSource("badNames")
    void rejectsNamesItCouldNeverFind(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CommandTable().register(name, inv -> 0));
        assertTrue(e.getMessage().contains("register a bare name"), e.getMessage());
    }

    static Stream<String> badNames() {
        return Stream.of("", "two words", "relative/path");
    }
}
