package io.metalboot.router.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.metalboot.router.RouterAgentException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ReadOutputTest {
    static final String HEAD = "@@metalboot-read openwrt 0123456789abcdef\n";
    static final String M = "@@0123456789abcdef ";

    @Test
    void filesKeepTheirExactBytesAndAbsentFilesAreNotEmptyFiles() {
        String out = HEAD + M + "file /a\nline\n\n" + M + "end 0\n"
                + M + "file /b\nno newline\n" + M + "end 0\n"
                + M + "file /empty\n\n" + M + "end 0\n"
                + M + "absent /gone\n"
                + M + "cmd pids\n12 34\n\n" + M + "end 0\n"
                + M + "cmd changes\n\n" + M + "end 1\n"
                + M + "done\n";
        ReadOutput read = ReadOutput.parse(out, RouterKind.OPENWRT);
        assertEquals(Optional.of("line\n"), read.file("/a"));
        assertEquals(Optional.of("no newline"), read.file("/b"));
        assertEquals(Optional.of(""), read.file("/empty"));
        assertEquals(Optional.empty(), read.file("/gone"));
        assertEquals(new ReadOutput.Result(0, "12 34\n"), read.command("pids"));
        assertEquals(new ReadOutput.Result(1, ""), read.command("changes"));
    }

    @Test
    void aFileThatHoldsAnotherNoncesMarkersIsJustContent() {
        String content = "@@ffffffffffffffff done\n@@metalboot-read openwrt ffff\n";
        String out = HEAD + M + "file /x\n" + content + "\n" + M + "end 0\n" + M + "done\n";
        assertEquals(Optional.of(content), ReadOutput.parse(out, RouterKind.OPENWRT).file("/x"));
    }

    @Test
    void theScriptUsesOnlyTheShellSubset() {
        String script = ReadScript.forKind(RouterKind.OPENWRT, "0123456789abcdef").file("/etc/config/dhcp")
                .command("changes", "uci changes dhcp").build();
        assertEquals("""
                mb_file() {
                  if [ -f "$1" ]; then echo "@@0123456789abcdef file $1"; cat "$1"; mb_s=$?; echo; echo "@@0123456789abcdef end $mb_s";
                  else echo "@@0123456789abcdef absent $1"; fi
                }
                mb_cmd() {
                  mb_n=$1; shift; echo "@@0123456789abcdef cmd $mb_n"; "$@" 2>&1; mb_s=$?; echo; echo "@@0123456789abcdef end $mb_s"
                }
                echo "@@metalboot-read openwrt 0123456789abcdef"
                mb_file '/etc/config/dhcp'
                mb_cmd changes uci changes dhcp
                echo "@@0123456789abcdef done"
                """, script);
    }

    record Bad(String name, String output, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Bad> bad() {
        String prefix = "the openwrt router's answer to the read script ";
        return List.of(
                new Bad("no header", "sh: syntax error\n", prefix + "has no '@@metalboot-read openwrt' line (it starts with"
                        + " 'sh: syntax error'); the read script did not run: check that the login shell is sh, ash or vbash"),
                new Bad("cut off", HEAD + M + "file /a\nhalf", prefix + "ends inside item 'file /a': the output was cut off; read again"),
                new Bad("no done", HEAD + M + "absent /a\n", prefix + "ends before its 'done' marker: the output was cut off"
                        + " (dropped connection?); read again"),
                new Bad("mixed", HEAD + "Welcome!\n", prefix + "has 'Welcome!' where a marker line was expected; the script's output"
                        + " was mixed with something else (a login banner or a shell profile printing?)"));
    }

    @ParameterizedTest
    @MethodSource("bad")
    void outputThatIsNotWhatTheScriptPrintsIsAnError(Bad bad) {
        RouterAgentException e = assertThrows(RouterAgentException.class, () -> ReadOutput.parse(bad.output(), RouterKind.OPENWRT));
        assertEquals(bad.message(), e.getMessage());
    }
}
