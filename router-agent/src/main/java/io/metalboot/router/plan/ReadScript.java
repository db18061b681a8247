package io.metalboot.router.plan;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Builds the one script that reads a router's live state in a single round trip. Each item is
 * framed by marker lines carrying a random nonce, so no file content can fake a marker:
 * <pre>
 * @@metalboot-read KIND NONCE
 * @@NONCE file PATH       (content, one extra newline, then)  @@NONCE end STATUS
 * @@NONCE absent PATH
 * @@NONCE cmd NAME        (stdout and stderr, one extra newline, then)  @@NONCE end STATUS
 * @@NONCE done
 * </pre>
 * Only POSIX shell that busybox ash, vbash and the simulators' shell (simulator/SHELL.md)
 * all run: functions, {@code [ -f ]}, {@code cat}, {@code echo}, {@code $?}, {@code "$@"}.
 * {@link ReadOutput#parse} reads the answer.
 */
public final class ReadScript {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final String kind;
    private final String nonce;
    private final List<String> body = new ArrayList<>();

    private ReadScript(String kind, String nonce) {
        if (!nonce.matches("[0-9a-f]{8,32}")) {
            throw new IllegalArgumentException("nonce must be 8-32 lowercase hex digits: " + nonce);
        }
        this.kind = kind;
        this.nonce = nonce;
    }

    /** A script for router kind {@code kind} with a fresh random nonce. */
    public static ReadScript forKind(RouterKind kind) {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return new ReadScript(kind.label(), HexFormat.of().formatHex(bytes));
    }

    /** The same with a fixed nonce, for tests that compare scripts or outputs. */
    public static ReadScript forKind(RouterKind kind, String nonce) {
        return new ReadScript(kind.label(), nonce);
    }

    /** Prints the file at {@code path} (reported absent when it is not a regular file). */
    public ReadScript file(String path) {
        body.add("mb_file " + quote(path));
        return this;
    }

    /** Runs {@code commandLine} (already shell-quoted by the caller) and keeps its output and status under {@code name}. */
    public ReadScript command(String name, String commandLine) {
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("command names are lowercase words: " + name);
        }
        body.add("mb_cmd " + name + " " + commandLine);
        return this;
    }

    /** Reports whether directory {@code path} exists (as command {@code name}) and prints {@code path/owner}. */
    public ReadScript lock(String name, String path) {
        command(name, "test -d " + quote(path));
        return file(path + "/owner");
    }

    /**
     * metalboot's transaction state on a {@code kind} router: the lock (as {@link #lock}, command
     * {@code lock}) and the records of the transactions still kept (command {@code records}, see
     * {@link TransactionRecords}).
     */
    public ReadScript transactions(RouterKind kind) {
        lock("lock", kind.lockDir());
        return command("records", TransactionRecords.command(kind));
    }

    public String build() {
        String m = "@@" + nonce;
        List<String> lines = new ArrayList<>();
        lines.add("mb_file() {");
        lines.add("  if [ -f \"$1\" ]; then echo \"" + m + " file $1\"; cat \"$1\"; mb_s=$?; echo; echo \"" + m + " end $mb_s\";");
        lines.add("  else echo \"" + m + " absent $1\"; fi");
        lines.add("}");
        lines.add("mb_cmd() {");
        lines.add("  mb_n=$1; shift; echo \"" + m + " cmd $mb_n\"; \"$@\" 2>&1; mb_s=$?; echo; echo \"" + m + " end $mb_s\"");
        lines.add("}");
        lines.add("echo \"@@metalboot-read " + kind + " " + nonce + "\"");
        lines.addAll(body);
        lines.add("echo \"" + m + " done\"");
        return String.join("\n", lines) + "\n";
    }

    /** Single-quotes a word for sh (paths metalboot chooses never hold a quote, but be safe). */
    public static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
