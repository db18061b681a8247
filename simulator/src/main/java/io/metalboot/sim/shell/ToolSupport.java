package io.metalboot.sim.shell;

import io.metalboot.sim.fs.RouterFs;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Helpers shared by the builtin tools: option parsing, input files, message wording. */
final class ToolSupport {
    private ToolSupport() {
    }

    /** A tool body; {@link Usage} and I/O failures are turned into the tool's error message. */
    @FunctionalInterface
    interface Tool {
        int run(Invocation inv) throws InterruptedException, IOException;
    }

    /** A bad invocation: printed as {@code TOOL: message}, exit {@code status}. */
    static final class Usage extends RuntimeException {
        final int status;

        Usage(String message, int status) {
            super(message);
            this.status = status;
        }

        Usage(String message) {
            this(message, 1);
        }
    }

    static Command wrap(String name, Tool tool) {
        return inv -> {
            try {
                return tool.run(inv);
            } catch (Usage u) {
                inv.stderr().println(name + ": " + u.getMessage());
                return u.status;
            } catch (InterruptedIOException e) {
                throw new InterruptedException("killed");
            } catch (IOException e) {
                inv.stderr().println(name + ": " + Errno.of(e));
                return 1;
            }
        };
    }

    /** EdgeOS (Debian coreutils) wording instead of busybox's: the login shell is bash. */
    static boolean gnu(Invocation inv) {
        return inv.env().getOrDefault("SHELL", "").endsWith("bash");
    }

    static String path(Invocation inv, String arg) {
        return RouterFs.normalize(arg, inv.cwd());
    }

    static boolean isNull(Invocation inv, String arg) {
        return path(inv, arg).equals("/dev/null");
    }

    /** The bytes of an input operand: {@code -} is stdin, /dev/null is empty. */
    static byte[] input(Invocation inv, String arg) throws IOException, InterruptedException {
        if (arg.equals("-") || path(inv, arg).equals("/dev/stdin")) {
            return readAll(inv.stdin());
        }
        if (isNull(inv, arg)) {
            return new byte[0];
        }
        if (inv.fs().isDirectory(path(inv, arg))) {
            throw new IOException("Is a directory");
        }
        return inv.fs().readBytes(path(inv, arg));
    }

    static byte[] readAll(InputStream in) throws InterruptedException {
        try {
            return in.readAllBytes();
        } catch (InterruptedIOException e) {
            throw new InterruptedException("killed");
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** The text inputs of a filter: its file operands, or stdin when there are none. */
    static List<String> inputs(List<String> operands) {
        return operands.isEmpty() ? List.of("-") : operands;
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Lines of {@code text} without their newlines (a final line without one counts). */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** "can't open" in busybox wording, "X: reason" in coreutils wording. */
    static String cantOpen(Invocation inv, String arg, IOException e) {
        return gnu(inv) ? arg + ": " + Errno.of(e) : "can't open '" + arg + "': " + Errno.of(e);
    }

    /** Parsed short options: flags, options with a value, the remaining operands. */
    record Opts(Set<Character> flags, Map<Character, String> values, List<String> operands) {
        boolean has(char c) {
            return flags.contains(c);
        }

        String value(char c, String otherwise) {
            return values.getOrDefault(c, otherwise);
        }
    }

    /**
     * Parses {@code -abc}, {@code -n 5}, {@code -n5}; options end at {@code --} or the first operand
     * (a lone {@code -} is an operand). {@code numeric} accepts {@code -5} as {@code -n 5}.
     */
    static Opts options(List<String> args, String flags, String withValue, boolean numeric) {
        Set<Character> set = new HashSet<>();
        Map<Character, String> values = new HashMap<>();
        int i = 0;
        for (; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                i++;
                break;
            }
            if (!a.startsWith("-") || a.length() < 2) {
                break;
            }
            if (numeric && a.substring(1).chars().allMatch(Character::isDigit)) {
                values.put('n', a.substring(1));
                continue;
            }
            for (int j = 1; j < a.length(); j++) {
                char c = a.charAt(j);
                if (withValue.indexOf(c) >= 0) {
                    String v = j + 1 < a.length() ? a.substring(j + 1) : i + 1 < args.size() ? args.get(++i) : null;
                    if (v == null) {
                        throw new Usage("option requires an argument -- '" + c + "'");
                    }
                    values.put(c, v);
                    break;
                }
                if (flags.indexOf(c) < 0) {
                    throw new Usage("invalid option -- '" + c + "'");
                }
                set.add(c);
            }
        }
        return new Opts(set, values, List.copyOf(args.subList(i, args.size())));
    }

    static int number(String tool, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new Usage("invalid number '" + text + "'");
        }
    }
}
