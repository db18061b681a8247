package io.metalboot.sim.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shell table (scripts.txt): every construct and tool of SHELL.md, run as {@code sh -c} on a
 * fresh simulated router, with stdout, stderr and exit status as busybox ash / bash produce them.
 */
class ShellScriptTest {
    private static final Pattern CASE = Pattern.compile(
            "(?s)=== (.+?) \\[(ash|vbash|both)]\\n(.*?)--- out\\n(.*?)\\n--- err\\n(.*?)\\n--- status (-?\\d+)\\n");

    record Case(String name, Dialect dialect, String script, SimShell.Result expected) {
        @Override
        public String toString() {
            return name + " (" + dialect + ")";
        }
    }

    static Stream<Case> cases() throws IOException {
        String table;
        try (InputStream in = ShellScriptTest.class.getResourceAsStream("scripts.txt")) {
            table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Case> cases = new ArrayList<>();
        Matcher m = CASE.matcher(table);
        while (m.find()) {
            SimShell.Result expected = new SimShell.Result(m.group(4), m.group(5), Integer.parseInt(m.group(6)));
            for (Dialect d : Dialect.values()) {
                if (m.group(2).equals("both") || m.group(2).equals(d == Dialect.ASH ? "ash" : "vbash")) {
                    cases.add(new Case(m.group(1), d, m.group(3), expected));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void runsLikeTheRealShell(Case c, @TempDir Path dir) {
        SimShell sim = new SimShell(dir, c.dialect());
        try {
            assertEquals(c.expected(), sim.run(c.script()), c.name());
        } finally {
            sim.processes.killAll();
        }
    }
}
