package io.metalboot.sim.openwrt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A uci script case from {@code src/test/resources/openwrt/uci-cases}: the steps run in order on a
 * fresh {@link OpenwrtImage} root. Line kinds:
 * <pre>
 * # comment
 * $ uci -q get dhcp.lan.start   a command, split like a shell (quotes, backslashes)
 * &lt; text                        a line of its stdin
 * &gt; text                        an expected stdout line ("&gt;" alone: an empty line)
 * ! text                        an expected stderr line ("!- text": without the final newline)
 * !usage                        uci's usage text on stderr
 * ? 1                           the expected exit status (0 when absent)
 * file /tmp/.uci/dhcp           the file must hold the following "| " lines exactly (none: empty)
 * nofile /tmp/.uci/dhcp         the file must not exist
 * write /etc/config/test        write the following "| " lines to the file
 * | text                        a file line ("|" alone: an empty line)
 * </pre>
 * stdout and stderr are compared whole: no "&gt;" line means nothing on stdout.
 */
record UciCase(String name, List<Step> steps) {

    sealed interface Step permits Run, FileCheck, FileWrite {
        int line();
    }

    record Run(int line, List<String> args, StringBuilder stdin, StringBuilder stdout, StringBuilder stderr, int[] status)
            implements Step {
    }

    record FileCheck(int line, String path, Optional<StringBuilder> content) implements Step {
    }

    record FileWrite(int line, String path, StringBuilder content) implements Step {
    }

    @Override
    public String toString() {
        return name;
    }

    static UciCase read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int number = i + 1;
            Optional<Step> last = steps.isEmpty() ? Optional.empty() : Optional.of(steps.get(steps.size() - 1));
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("$ ")) {
                steps.add(new Run(number, ShellWords.split(line.substring(2)), new StringBuilder(), new StringBuilder(),
                        new StringBuilder(), new int[] {0}));
            } else if (line.startsWith("file ")) {
                steps.add(new FileCheck(number, line.substring(5).strip(), Optional.of(new StringBuilder())));
            } else if (line.startsWith("nofile ")) {
                steps.add(new FileCheck(number, line.substring(7).strip(), Optional.empty()));
            } else if (line.startsWith("write ")) {
                steps.add(new FileWrite(number, line.substring(6).strip(), new StringBuilder()));
            } else if (line.equals("|") || line.startsWith("| ")) {
                String text = line.length() > 2 ? line.substring(2) : "";
                switch (last.orElseThrow(() -> bad(file, number, "'|' before 'file' or 'write'"))) {
                    case FileCheck check when check.content().isPresent() -> check.content().get().append(text).append('\n');
                    case FileWrite write -> write.content().append(text).append('\n');
                    default -> throw bad(file, number, "'|' after a step that takes no file lines");
                }
            } else {
                Run run = last.filter(Run.class::isInstance).map(Run.class::cast)
                        .orElseThrow(() -> bad(file, number, "expectation before any '$ ' command"));
                expectation(file, number, line, run);
            }
        }
        return new UciCase(file.getFileName().toString(), steps);
    }

    private static void expectation(Path file, int number, String line, Run run) {
        if (line.equals(">") || line.startsWith("> ")) {
            run.stdout().append(line.length() > 2 ? line.substring(2) : "").append('\n');
        } else if (line.equals("!usage")) {
            run.stderr().append(UciOptions.usage(run.args().get(0)));
        } else if (line.startsWith("!- ")) {
            run.stderr().append(line.substring(3));
        } else if (line.equals("!") || line.startsWith("! ")) {
            run.stderr().append(line.length() > 2 ? line.substring(2) : "").append('\n');
        } else if (line.startsWith("< ") || line.equals("<")) {
            run.stdin().append(line.length() > 2 ? line.substring(2) : "").append('\n');
        } else if (line.startsWith("? ")) {
            run.status()[0] = Integer.parseInt(line.substring(2).strip());
        } else {
            throw bad(file, number, "unknown line kind: " + line);
        }
    }

    private static IllegalArgumentException bad(Path file, int number, String why) {
        return new IllegalArgumentException(file + ":" + number + ": " + why);
    }
}
