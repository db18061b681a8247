package io.metalboot.sim.openwrt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The uci script cases: each runs its commands on a fresh image and compares stdout, stderr, status and files. */
class UciCasesTest {
    @TempDir
    Path dir;

    static Stream<UciCase> cases() throws IOException, URISyntaxException {
        Path root = Path.of(UciCasesTest.class.getClassLoader().getResource("openwrt/uci-cases").toURI());
        try (Stream<Path> files = Files.list(root)) {
            return files.filter(p -> p.toString().endsWith(".case")).sorted().map(UciCase::read).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void behavesLikeUci(UciCase uciCase) {
        TestRouter router = new TestRouter(dir);
        for (UciCase.Step step : uciCase.steps()) {
            String where = uciCase.name() + ":" + step.line();
            switch (step) {
                case UciCase.Run run -> {
                    TestRouter.Run result = router.run(run.stdin().toString(), run.args());
                    assertEquals(run.stdout().toString(), result.stdout(), where + " stdout of " + run.args());
                    assertEquals(run.stderr().toString(), result.stderr(), where + " stderr of " + run.args());
                    assertEquals(run.status()[0], result.status(), where + " exit status of " + run.args());
                }
                case UciCase.FileCheck check when check.content().isPresent() -> {
                    assertTrue(router.fs.exists(check.path()), where + ": " + check.path() + " should exist");
                    assertEquals(check.content().get().toString(), router.read(check.path()), where + ": " + check.path());
                }
                case UciCase.FileCheck check -> assertFalse(router.fs.exists(check.path()), where + ": " + check.path() + " should not exist");
                case UciCase.FileWrite write -> router.write(write.path(), write.content().toString());
            }
        }
    }
}
