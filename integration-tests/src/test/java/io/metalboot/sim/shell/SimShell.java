package io.metalboot.sim.shell;

import io.metalboot.sim.fs.RouterFs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A router's shell over a temp directory: OpenWrt (ash, root) or EdgeOS (vbash, ubnt) flavour. */
final class SimShell {
    /** What one {@code sh -c} run produced. */
    record Result(String out, String err, int status) {
    }

    final RouterFs fs;
    final CommandTable commands = Tools.registerAll(new CommandTable());
    final ProcessTable processes = new ProcessTable();
    final Dialect dialect;
    private final Map<String, String> env;
    private ShellObserver observer = ShellObserver.NONE;

    SimShell(Path dir, Dialect dialect) {
        try {
            this.fs = new RouterFs(dir);
            for (String d : List.of("/root", "/home/ubnt", "/tmp/simtest", "/config", "/var/log", "/etc")) {
                fs.mkdir(d, true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.dialect = dialect;
        this.env = dialect == Dialect.ASH
                ? Map.of("USER", "root", "HOME", "/tmp", "HOSTNAME", "OpenWrt", "SHELL", "/bin/ash", "PATH", "/usr/sbin:/usr/bin:/sbin:/bin")
                : Map.of("USER", "root", "HOME", "/tmp", "HOSTNAME", "OpenWrt", "SHELL", "/bin/vbash", "PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
    }

    SimShell observer(ShellObserver o) {
        this.observer = o;
        return this;
    }

    Shell shell() {
        return new Shell(new ShellConfig(fs, commands, processes, env, dialect, observer));
    }

    Result run(String script) {
        return run(script, new ByteArrayInputStream("line1\nline2\n".getBytes(StandardCharsets.UTF_8)));
    }

    Result run(String script, InputStream in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = shell().run(script, in, out, err);
        return new Result(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), status);
    }

    String read(String path) {
        try {
            return fs.read(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
