package io.metalboot.sim.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;

/** {@code test} and {@code [}: file, string and integer tests with {@code ! -a -o ( )}; status 0, 1, or 2 on misuse. */
final class TestTool {
    private static final Set<String> UNARY = Set.of("-e", "-f", "-d", "-s", "-r", "-w", "-x", "-z", "-n", "-L", "-h", "-b",
            "-c", "-p", "-S", "-t");
    private static final Set<String> BINARY = Set.of("=", "==", "!=", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "<", ">",
            "-nt", "-ot");
    private final CommandTable table;
    private final Invocation inv;
    private final List<String> args;
    private int pos;

    /** Misuse: the message (without prefix) and exit status 2. */
    private static final class Misuse extends RuntimeException {
        Misuse(String message) {
            super(message);
        }
    }

    private TestTool(CommandTable table, Invocation inv, List<String> args) {
        this.table = table;
        this.inv = inv;
        this.args = args;
    }

    static void register(CommandTable t) {
        t.register("test", inv -> run(t, inv));
        t.register("[", inv -> run(t, inv));
    }

    private static int run(CommandTable table, Invocation inv) {
        String name = inv.args().get(0);
        List<String> args = inv.operands();
        boolean bash = ToolSupport.gnu(inv);
        String prefix = bash ? "bash: " + name + ": " : "sh: ";
        if (name.equals("[")) {
            if (args.isEmpty() || !args.get(args.size() - 1).equals("]")) {
                inv.stderr().println(prefix + (bash ? "missing `]'" : "missing ]"));
                return 2;
            }
            args = args.subList(0, args.size() - 1);
        }
        try {
            TestTool t = new TestTool(table, inv, args);
            return t.evaluate() ? 0 : 1;
        } catch (Misuse e) {
            inv.stderr().println(prefix + e.getMessage());
            return 2;
        }
    }

    private boolean evaluate() {
        int n = args.size();
        if (n == 0) {
            return false;
        }
        if (n == 1) {
            return !args.get(0).isEmpty();
        }
        if (n == 2 && args.get(0).equals("!")) {
            return args.get(1).isEmpty();
        }
        if (n == 2 && UNARY.contains(args.get(0))) {
            return unary(args.get(0), args.get(1));
        }
        if (n == 3 && BINARY.contains(args.get(1))) {
            return binary(args.get(0), args.get(1), args.get(2));
        }
        boolean result = or();
        if (pos < n) {
            throw new Misuse(ToolSupport.gnu(inv) ? "too many arguments" : args.get(pos) + ": unknown operand");
        }
        return result;
    }

    private boolean or() {
        boolean v = and();
        while (pos < args.size() && args.get(pos).equals("-o")) {
            pos++;
            v = and() | v;
        }
        return v;
    }

    private boolean and() {
        boolean v = not();
        while (pos < args.size() && args.get(pos).equals("-a")) {
            pos++;
            v = not() & v;
        }
        return v;
    }

    private boolean not() {
        if (pos < args.size() && args.get(pos).equals("!") && pos + 1 < args.size()) {
            pos++;
            return !not();
        }
        return primary();
    }

    private boolean primary() {
        if (pos >= args.size()) {
            throw new Misuse("argument expected");
        }
        String a = args.get(pos);
        if (a.equals("(") && pos + 2 < args.size()) {
            pos++;
            boolean v = or();
            if (pos >= args.size() || !args.get(pos).equals(")")) {
                throw new Misuse(ToolSupport.gnu(inv) ? "`)' expected" : "closing paren expected");
            }
            pos++;
            return v;
        }
        if (pos + 2 < args.size() && BINARY.contains(args.get(pos + 1))) {
            pos += 3;
            return binary(a, args.get(pos - 2), args.get(pos - 1));
        }
        if (UNARY.contains(a) && pos + 1 < args.size()) {
            pos += 2;
            return unary(a, args.get(pos - 1));
        }
        pos++;
        return !a.isEmpty();
    }

    private boolean unary(String op, String operand) {
        if (op.equals("-z") || op.equals("-n")) {
            return operand.isEmpty() == op.equals("-z");
        }
        if (op.equals("-t")) {
            return false;
        }
        String path = ToolSupport.path(inv, operand);
        if (path.equals("/dev/null")) {
            return op.equals("-e") || op.equals("-c") || op.equals("-r") || op.equals("-w");
        }
        if (operand.contains("/") && table.isProgram(path)) {
            return Set.of("-e", "-f", "-s", "-r", "-x").contains(op);
        }
        Path host = inv.fs().resolve(path);
        return switch (op) {
            case "-e" -> Files.exists(host);
            case "-f" -> Files.isRegularFile(host);
            case "-d" -> Files.isDirectory(host);
            case "-s" -> Files.isRegularFile(host) && host.toFile().length() > 0 || Files.isDirectory(host);
            case "-r", "-w" -> Files.exists(host);
            case "-x" -> Files.isDirectory(host) || executable(host);
            case "-L", "-h" -> Files.isSymbolicLink(host);
            default -> false;
        };
    }

    private static boolean executable(Path host) {
        try {
            return Files.getPosixFilePermissions(host).contains(PosixFilePermission.OWNER_EXECUTE);
        } catch (java.io.IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private boolean binary(String left, String op, String right) {
        return switch (op) {
            case "=", "==" -> left.equals(right);
            case "!=" -> !left.equals(right);
            case "<" -> left.compareTo(right) < 0;
            case ">" -> left.compareTo(right) > 0;
            case "-nt", "-ot" -> {
                long l = inv.fs().resolve(ToolSupport.path(inv, left)).toFile().lastModified();
                long r = inv.fs().resolve(ToolSupport.path(inv, right)).toFile().lastModified();
                yield op.equals("-nt") ? l > r : l < r;
            }
            default -> {
                long l = integer(left);
                long r = integer(right);
                yield switch (op) {
                    case "-eq" -> l == r;
                    case "-ne" -> l != r;
                    case "-lt" -> l < r;
                    case "-le" -> l <= r;
                    case "-gt" -> l > r;
                    default -> l >= r;
                };
            }
        };
    }

    private long integer(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw new Misuse(ToolSupport.gnu(inv) ? s + ": integer expression expected" : s + ": bad number");
        }
    }
}
