package io.metalboot.sim.shell;

import io.metalboot.sim.fs.RouterFs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The programs a simulated router has. A command registered by bare name ({@code cat}) is found by
 * that name and as {@code /bin/cat}, {@code /usr/bin/cat}, {@code /sbin/cat}, {@code /usr/sbin/cat};
 * one registered by absolute path ({@code /opt/vyatta/sbin/vyatta-cfg-cmd-wrapper}) by that path and,
 * when its directory is on {@code $PATH}, by its base name. An executable file in the router's file
 * system starting with {@code #!/bin/sh} (or another registered interpreter) runs as a script.
 * Registering a name again replaces the earlier command.
 */
public final class CommandTable {
    private static final List<String> BIN_DIRS = List.of("/bin", "/usr/bin", "/sbin", "/usr/sbin");
    private final Map<String, Command> byName = new ConcurrentHashMap<>();
    private final Map<String, Command> byPath = new ConcurrentHashMap<>();

    /** Result of resolving a command word. */
    sealed interface Lookup {
    }

    record Found(Command command, String path) implements Lookup {
    }

    record NotFound() implements Lookup {
    }

    /** An existing file that cannot be run (not executable, a directory): status 126. */
    record Denied() implements Lookup {
    }

    public CommandTable register(String nameOrAbsolutePath, Command command) {
        if (nameOrAbsolutePath.isBlank() || nameOrAbsolutePath.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("command name '" + nameOrAbsolutePath
                    + "' is empty or contains white space; register a bare name (cat) or an absolute path (/sbin/uci)");
        }
        if (nameOrAbsolutePath.contains("/")) {
            if (!nameOrAbsolutePath.startsWith("/")) {
                throw new IllegalArgumentException("command path '" + nameOrAbsolutePath
                        + "' is relative; register a bare name or an absolute path");
            }
            byPath.put(RouterFs.normalize(nameOrAbsolutePath, "/"), command);
        } else {
            byName.put(nameOrAbsolutePath, command);
        }
        return this;
    }

    /** The registered command for a bare name or a path (no $PATH search, no scripts). */
    public Optional<Command> find(String word) {
        if (!word.contains("/")) {
            return Optional.ofNullable(byName.get(word));
        }
        String path = RouterFs.normalize(word, "/");
        Command exact = byPath.get(path);
        if (exact != null) {
            return Optional.of(exact);
        }
        int slash = path.lastIndexOf('/');
        String dir = slash == 0 ? "/" : path.substring(0, slash);
        return BIN_DIRS.contains(dir) ? Optional.ofNullable(byName.get(path.substring(slash + 1))) : Optional.empty();
    }

    /** Resolves a command word as the shell does: registered programs, then $PATH, then script files. */
    Lookup resolve(String word, RouterFs fs, String cwd, String pathVariable) {
        if (word.contains("/")) {
            String path = RouterFs.normalize(word, cwd);
            Optional<Command> registered = find(path);
            if (registered.isPresent()) {
                return new Found(registered.get(), path);
            }
            return script(path, fs);
        }
        Command named = byName.get(word);
        if (named != null) {
            return new Found(named, "/usr/bin/" + word);
        }
        for (String dir : pathVariable.split(":")) {
            if (dir.startsWith("/")) {
                String path = RouterFs.normalize(dir + "/" + word, "/");
                Command c = byPath.get(path);
                if (c != null) {
                    return new Found(c, path);
                }
                if (fs.exists(path) && !fs.isDirectory(path) && script(path, fs) instanceof Found found) {
                    return found;
                }
            }
        }
        return new NotFound();
    }

    /** Whether a test like {@code [ -x PATH ]} should see a program at this absolute path. */
    boolean isProgram(String absolutePath) {
        return find(RouterFs.normalize(absolutePath, "/")).isPresent() && absolutePath.contains("/");
    }

    private Lookup script(String path, RouterFs fs) {
        Path host = fs.resolve(path);
        if (!Files.exists(host)) {
            return new NotFound();
        }
        if (Files.isDirectory(host) || !executable(host)) {
            return new Denied();
        }
        String interpreter = "/bin/sh";
        try {
            String text = fs.read(path);
            if (text.startsWith("#!")) {
                int end = text.indexOf('\n');
                interpreter = (end < 0 ? text.substring(2) : text.substring(2, end)).strip().split("\\s+")[0];
            }
        } catch (IOException e) {
            return new Denied();
        }
        Optional<Command> shell = find(interpreter);
        if (shell.isEmpty()) {
            return new NotFound();
        }
        String shellPath = interpreter;
        Command run = inv -> {
            List<String> args = new ArrayList<>(List.of(shellPath, path));
            args.addAll(inv.operands());
            return shell.get().run(new Invocation(args, inv.stdin(), inv.stdout(), inv.stderr(), inv.fs(), inv.cwd(),
                    inv.env(), inv.pid(), inv.parentPid(), inv.processes()));
        };
        return new Found(run, path);
    }

    private static boolean executable(Path host) {
        try {
            return Files.getPosixFilePermissions(host).contains(PosixFilePermission.OWNER_EXECUTE);
        } catch (IOException | UnsupportedOperationException e) {
            return Files.isExecutable(host);
        }
    }
}
