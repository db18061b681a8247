package io.metalboot.router.plan;

import io.metalboot.router.RouterAgentException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The router's answer to a {@link ReadScript}: files (present with their exact bytes, or absent)
 * and commands (status and output). Anything that is not what the script prints — no header, a
 * foreign marker, output cut off before {@code done} — is an error saying so.
 */
public final class ReadOutput {
    /** A command's exit status and its output (stdout and stderr together), without the framing newline. */
    public record Result(int status, String output) {
    }

    private final String kind;
    private final Map<String, Optional<String>> files;
    private final Map<String, Result> commands;

    private ReadOutput(String kind, Map<String, Optional<String>> files, Map<String, Result> commands) {
        this.kind = kind;
        this.files = files;
        this.commands = commands;
    }

    /** Parses the standard output of the read script built for {@code kind}. */
    public static ReadOutput parse(String stdout, RouterKind kind) {
        String header = "@@metalboot-read " + kind.label() + " ";
        int start = stdout.startsWith(header) ? 0 : stdout.indexOf("\n" + header) + 1;
        if (start == 0 && !stdout.startsWith(header)) {
            throw bad(kind, "has no '" + header.strip() + "' line (it starts with '" + firstLine(stdout)
                    + "'); the read script did not run: check that the login shell is sh, ash or vbash");
        }
        int eol = stdout.indexOf('\n', start);
        if (eol < 0) {
            throw bad(kind, "ends right after its header: the output was cut off (dropped connection?); read again");
        }
        String nonce = stdout.substring(start + header.length(), eol);
        String marker = "@@" + nonce + " ";
        Map<String, Optional<String>> files = new LinkedHashMap<>();
        Map<String, Result> commands = new LinkedHashMap<>();
        int pos = eol + 1;
        while (true) {
            if (pos >= stdout.length()) {
                throw bad(kind, "ends before its 'done' marker: the output was cut off (dropped connection?); read again");
            }
            int lineEnd = stdout.indexOf('\n', pos);
            String line = stdout.substring(pos, lineEnd < 0 ? stdout.length() : lineEnd);
            if (!line.startsWith(marker)) {
                throw bad(kind, "has '" + line + "' where a marker line was expected; the script's output was mixed"
                        + " with something else (a login banner or a shell profile printing?)");
            }
            String rest = line.substring(marker.length());
            if (rest.equals("done")) {
                return new ReadOutput(kind.label(), files, commands);
            }
            if (lineEnd < 0) {
                throw bad(kind, "ends inside item '" + rest + "': the output was cut off; read again");
            }
            pos = lineEnd + 1;
            if (rest.startsWith("absent ")) {
                files.put(rest.substring(7), Optional.empty());
                continue;
            }
            boolean isFile = rest.startsWith("file ");
            if (!isFile && !rest.startsWith("cmd ")) {
                throw bad(kind, "has an unknown marker '" + line + "'");
            }
            String endMarker = "\n" + marker + "end ";
            int end = stdout.indexOf(endMarker, pos);
            if (end < 0) {
                throw bad(kind, "ends inside item '" + rest + "': the output was cut off; read again");
            }
            String content = stdout.substring(pos, end);
            int endLineEnd = stdout.indexOf('\n', end + 1);
            String statusText = stdout.substring(end + endMarker.length(), endLineEnd < 0 ? stdout.length() : endLineEnd);
            int status;
            try {
                status = Integer.parseInt(statusText.strip());
            } catch (NumberFormatException e) {
                throw bad(kind, "has the end marker of '" + rest + "' with status '" + statusText + "' (expected a number)");
            }
            if (isFile) {
                String path = rest.substring(5);
                if (status != 0) {
                    throw new RouterAgentException("cannot read " + path + " on the " + kind.label() + " router: cat exited "
                            + status + " (" + content.strip() + "); check the file's permissions for the login user");
                }
                files.put(path, Optional.of(content));
            } else {
                commands.put(rest.substring(4), new Result(status, content));
            }
            pos = endLineEnd < 0 ? stdout.length() : endLineEnd + 1;
        }
    }

    /** The file's content, or empty when the router does not have it; throws when the script did not read it. */
    public Optional<String> file(String path) {
        Optional<String> content = files.get(path);
        if (content == null) {
            throw new RouterAgentException("the " + kind + " router's answer does not mention " + path
                    + " (the read script was built without it; this is a bug in metalboot)");
        }
        return content;
    }

    /** Every file read, by path: present with content, or empty when absent. */
    public Map<String, Optional<String>> files() {
        return Map.copyOf(files);
    }

    public Result command(String name) {
        Result result = commands.get(name);
        if (result == null) {
            throw new RouterAgentException("the " + kind + " router's answer has no output of '" + name
                    + "' (the read script was built without it; this is a bug in metalboot)");
        }
        return result;
    }

    private static String firstLine(String text) {
        String first = text.lines().findFirst().orElse("");
        return first.length() > 80 ? first.substring(0, 80) + "…" : first;
    }

    private static RouterAgentException bad(RouterKind kind, String what) {
        return new RouterAgentException("the " + kind.label() + " router's answer to the read script " + what);
    }
}
