package io.metalboot.sim.shell;

import java.util.Map;

/**
 * Which shell a simulated router runs: OpenWrt's busybox {@code ash} (user root) or EdgeOS's
 * {@code vbash} (bash; user ubnt). They differ in prompts and error wording (see SHELL.md).
 */
public enum Dialect {
    ASH("sh", "-ash"),
    VBASH("vbash", "-vbash");

    private final String name;
    private final String loginName;

    Dialect(String name, String loginName) {
        this.name = name;
        this.loginName = loginName;
    }

    /** The dialect of a shell started by that name ({@code sh}, {@code bash}, {@code /bin/vbash}). */
    static Dialect byName(String program) {
        String base = program.substring(program.lastIndexOf('/') + 1);
        return base.equals("bash") || base.equals("vbash") ? VBASH : ASH;
    }

    String shellName() {
        return name;
    }

    String loginName() {
        return loginName;
    }

    /** {@code root@OpenWrt:~# }, {@code ubnt@ubnt:/config$ }. */
    String prompt(Map<String, String> vars, String cwd) {
        String user = vars.getOrDefault("USER", "root");
        String home = vars.getOrDefault("HOME", "/");
        String dir = cwd.equals(home) ? "~" : !home.equals("/") && cwd.startsWith(home + "/") ? "~" + cwd.substring(home.length()) : cwd;
        return user + "@" + vars.getOrDefault("HOSTNAME", "localhost") + ":" + dir + (user.equals("root") ? "# " : "$ ");
    }

    String notFound(String word) {
        if (this == ASH) {
            return "sh: " + word + ": not found";
        }
        return "-vbash: " + word + (word.contains("/") ? ": No such file or directory" : ": command not found");
    }

    String permissionDenied(String word) {
        return (this == ASH ? "sh: " : "-vbash: ") + word + ": Permission denied";
    }

    String syntaxError(SyntaxError e) {
        if (this == ASH) {
            String what = switch (e.kind) {
                case UNEXPECTED -> "unexpected " + (e.token.equals("newline") ? "newline" : "\"" + e.token + "\"");
                case END_OF_FILE -> "unexpected end of file";
                case UNTERMINATED_QUOTE -> "unterminated quoted string";
                case MISSING_BRACE -> "missing '}'";
                case BAD_FOR_VARIABLE -> "bad for loop variable";
                case BAD_SUBSTITUTION -> "bad substitution";
            };
            return "sh: syntax error: " + what + e.expecting.map(x -> " (expecting " + x + ")").orElse("");
        }
        return "bash: " + switch (e.kind) {
            case UNEXPECTED -> "syntax error near unexpected token `" + e.token + "'";
            case END_OF_FILE -> "syntax error: unexpected end of file";
            case UNTERMINATED_QUOTE, MISSING_BRACE -> "unexpected EOF while looking for matching `" + e.token + "'";
            case BAD_FOR_VARIABLE -> "`" + e.token + "': not a valid identifier";
            case BAD_SUBSTITUTION -> "bad substitution";
        };
    }

    /** An output redirection failed ({@code errno} as from {@link Errno}). */
    String cantCreate(String path, String errno) {
        if (this == ASH) {
            return "sh: can't create " + path + ": " + (errno.equals(Errno.ENOENT) ? "nonexistent directory" : errno);
        }
        return "bash: " + path + ": " + errno;
    }

    /** An input redirection failed. */
    String cantOpen(String path, String errno) {
        if (this == ASH) {
            return "sh: can't open " + path + ": " + (errno.equals(Errno.ENOENT) ? "no such file" : errno);
        }
        return "bash: " + path + ": " + errno;
    }

    /** A shell builtin's complaint: {@code sh: cd: …} / {@code bash: cd: …}. */
    String builtin(String builtin, String message) {
        return (this == ASH ? "sh: " : "bash: ") + builtin + ": " + message;
    }

    /** A shell-level complaint not tied to a builtin ({@code ${x:?}}, {@code set -u}). */
    String error(String message) {
        return (this == ASH ? "sh: " : "bash: ") + message;
    }

    String unsetParameter(String name) {
        return error(name + (this == ASH ? ": parameter not set" : ": unbound variable"));
    }

    String nullParameter(String name) {
        return error(name + (this == ASH ? ": parameter not set or null" : ": parameter null or not set"));
    }

    /** Exit status of a non-interactive shell that fails an expansion ({@code ${x:?}}, {@code set -u}). */
    int expansionFailureStatus() {
        return this == ASH ? 2 : 127;
    }
}
