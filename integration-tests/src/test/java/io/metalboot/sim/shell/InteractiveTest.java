package io.metalboot.sim.shell;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** An SSH shell channel: prompts, the tty line discipline, continuation lines, programs reading the cooked input. */
class InteractiveTest {
    private static final String P = "root@OpenWrt:~# ";
    private static final String CTRL_D = "\u0004";

    @TempDir
    Path dir;

    record Case(String name, boolean tty, String keys, String out, String err, int status) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> transcripts() {
        return Stream.of(
                new Case("echo and CR LF output", true, "echo hi\r" + CTRL_D, P + "echo hi\r\nhi\r\n" + P, "", 0),
                new Case("backspace and DEL", true, "echp\u007fo hj\bi\r" + CTRL_D, P + "echp\b \bo hj\b \bi\r\nhi\r\n" + P, "", 0),
                new Case("Ctrl-C drops the line", true, "echo no\u0003echo yes\r" + CTRL_D,
                        P + "echo no^C\r\n" + P + "echo yes\r\nyes\r\n" + P, "", 0),
                new Case("Ctrl-U erases the line", true, "ab\u0015echo ok\r" + CTRL_D, P + "ab\b \b\b \becho ok\r\nok\r\n" + P, "", 0),
                new Case("arrow keys are ignored", true, "echo a\u001b[Ab\r" + CTRL_D, P + "echo ab\r\nab\r\n" + P, "", 0),
                new Case("CR LF from the client is one Enter", true, "echo a\r\necho b\r\n" + CTRL_D,
                        P + "echo a\r\na\r\n" + P + "echo b\r\nb\r\n" + P, "", 0),
                new Case("Ctrl-D on a non-empty line is ignored", true, "echo x\u0004\r" + CTRL_D, P + "echo x\r\nx\r\n" + P, "", 0),
                new Case("continuation prompt for if", true, "if true\rthen echo yes\rfi\r" + CTRL_D,
                        P + "if true\r\n> then echo yes\r\n> fi\r\nyes\r\n" + P, "", 0),
                new Case("continuation prompt for a here-doc", true, "cat <<EOF\ra $HOME\rEOF\r" + CTRL_D,
                        P + "cat <<EOF\r\n> a $HOME\r\n> EOF\r\na /tmp\r\n" + P, "", 0),
                new Case("continuation prompt for a quote", true, "echo \"a\rb\"\r" + CTRL_D,
                        P + "echo \"a\r\n> b\"\r\na\r\nb\r\n" + P, "", 0),
                new Case("Ctrl-C abandons a continuation", true, "if true\r\u0003echo x\r" + CTRL_D,
                        P + "if true\r\n> ^C\r\n" + P + "echo x\r\nx\r\n" + P, "", 0),
                new Case("syntax error, then on", true, "fi\recho on\r" + CTRL_D, P + "fi\r\n" + P + "echo on\r\non\r\n" + P,
                        "sh: syntax error: unexpected \"fi\"\r\n", 0),
                new Case("builtin reads the next cooked line", true, "read x\rtyped\recho got $x\r" + CTRL_D,
                        P + "read x\r\ntyped\r\n" + P + "echo got $x\r\ngot typed\r\n" + P, "", 0),
                new Case("cd changes the prompt", true, "cd /etc\r" + CTRL_D, P + "cd /etc\r\nroot@OpenWrt:/etc# ", "", 0),
                new Case("exit N", true, "exit 3\recho never\r", P + "exit 3\r\n", "", 3),
                new Case("status of the last command at Ctrl-D", true, "false\r" + CTRL_D, P + "false\r\n" + P, "", 1),
                new Case("no tty: no echo, LF output", false, "echo hi\nexit 4\n", P + "hi\n" + P, "", 4),
                new Case("no tty: end of input inside if", false, "if true\n", P + "> ", "sh: syntax error: unexpected end of file (expecting \"then\")\n", 2));
    }

    private static String text(ByteArrayOutputStream b) {
        return b.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transcripts")
    void transcript(Case c) {
        SimShell sim = new SimShell(dir, Dialect.ASH);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = sim.shell().interactive(new ByteArrayInputStream(c.keys().getBytes(StandardCharsets.UTF_8)), out, err, c.tty());
        assertEquals(java.util.List.of(c.out(), c.err(), c.status()), java.util.List.of(text(out), text(err), status));
    }

    @Test
    void programReadsItsOwnLinesFromTheCookedStreamAndPrintsItsOwnPrompts() {
        SimShell sim = new SimShell(dir, Dialect.VBASH);
        sim.commands.register("configure", inv -> {
            BufferedReader in = new BufferedReader(new InputStreamReader(inv.stdin(), StandardCharsets.UTF_8));
            try {
                for (inv.stdout().print("[edit]\nubnt@ubnt# "); ; inv.stdout().print("[edit]\nubnt@ubnt# ")) {
                    String line = in.readLine();
                    if (line == null || line.equals("exit")) {
                        inv.stdout().println("exit");
                        return 0;
                    }
                    inv.stdout().println("staged: " + line);
                }
            } catch (java.io.IOException e) {
                return 1;
            }
        });
        Shell shell = new Shell(new ShellConfig(sim.fs, sim.commands, sim.processes,
                Map.of("USER", "ubnt", "HOME", "/home/ubnt", "HOSTNAME", "ubnt", "SHELL", "/bin/vbash", "PATH", "/bin"), Dialect.VBASH));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String keys = "configure\rset a b\rexit\recho back\r" + CTRL_D;
        shell.interactive(new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)), out, new ByteArrayOutputStream(), true);
        String prompt = "ubnt@ubnt:~$ ";
        assertEquals(prompt + "configure\r\n[edit]\r\nubnt@ubnt# set a b\r\nstaged: set a b\r\n[edit]\r\nubnt@ubnt# exit\r\nexit\r\n"
                + prompt + "echo back\r\nback\r\n" + prompt, text(out));
    }

    @Test
    void pipedKeystrokesStepByStep() throws Exception {
        SimShell sim = new SimShell(dir, Dialect.ASH);
        PipedOutputStream keys = new PipedOutputStream();
        PipedInputStream rawIn = new PipedInputStream(keys);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<Integer> session = CompletableFuture.supplyAsync(
                () -> sim.shell().interactive(rawIn, out, new ByteArrayOutputStream(), true));

        await().atMost(Duration.ofSeconds(10)).until(() -> text(out).equals(P));
        keys.write("echp\u007fo one\r".getBytes(StandardCharsets.UTF_8));
        keys.flush();
        await().atMost(Duration.ofSeconds(10)).until(() -> text(out).equals(P + "echp\b \bo one\r\none\r\n" + P));
        keys.write("echo dropped\u0003".getBytes(StandardCharsets.UTF_8));
        keys.flush();
        await().atMost(Duration.ofSeconds(10)).until(() -> text(out).endsWith("echo dropped^C\r\n" + P));
        keys.write("while true\r".getBytes(StandardCharsets.UTF_8));
        keys.flush();
        await().atMost(Duration.ofSeconds(10)).until(() -> text(out).endsWith("while true\r\n> "));
        keys.write("do break; done\rexit 5\r".getBytes(StandardCharsets.UTF_8));
        keys.flush();

        assertEquals(5, session.get(10, TimeUnit.SECONDS));
        keys.close();
    }
}
