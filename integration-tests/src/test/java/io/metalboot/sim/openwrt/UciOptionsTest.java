package io.metalboot.sim.openwrt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Where uci reads and writes deltas for each combination of -t, -p and -P (cli.c main over delta.c). */
class UciOptionsTest {

    record Case(List<String> args, String saveDir, List<String> deltaPaths, boolean noCommit, List<String> operands) {
        @Override
        public String toString() {
            return String.join(" ", args);
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(List.of("uci", "changes"), "/tmp/.uci", List.of("/tmp/.uci"), false, List.of("changes")),
                new Case(List.of("uci", "-t", "/tmp/mine", "commit"), "/tmp/mine", List.of("/tmp/.uci", "/tmp/mine"), false,
                        List.of("commit")),
                new Case(List.of("uci", "-P", "/var/state", "show"), "/var/state", List.of("/tmp/.uci", "/var/state"), true,
                        List.of("show")),
                new Case(List.of("uci", "-p", "/a", "-p", "/b", "get", "x.y"), "/tmp/.uci", List.of("/a", "/b", "/tmp/.uci"),
                        false, List.of("get", "x.y")),
                new Case(List.of("uci", "-t", "/s", "-p", "/a"), "/s", List.of("/tmp/.uci", "/a", "/s"), false, List.of()),
                new Case(List.of("uci", "-p", "/tmp/.uci", "-p", "/a", "-p", "/a"), "/tmp/.uci", List.of("/a", "/tmp/.uci"),
                        false, List.of()),
                new Case(List.of("uci", "-p", "/a", "-t", "/a"), "/a", List.of("/tmp/.uci", "/a"), false, List.of()),
                new Case(List.of("uci", "-t", "/a", "-t", "/tmp/.uci"), "/tmp/.uci", List.of("/a", "/tmp/.uci"), false, List.of()),
                new Case(List.of("uci", "-qX", "-t/s", "--", "-p", "x"), "/s", List.of("/tmp/.uci", "/s"), false,
                        List.of("-p", "x")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void searchPathAndSaveDir(Case c) {
        UciOptions options = UciOptions.parse(c.args()).options().orElseThrow();
        assertEquals(c.saveDir(), options.saveDir(), "save dir");
        assertEquals(c.deltaPaths(), options.deltaPaths(), "delta search path");
        assertEquals(c.noCommit(), options.noCommit(), "commit disabled");
        assertEquals(c.operands(), options.operands(), "operands");
    }
}
