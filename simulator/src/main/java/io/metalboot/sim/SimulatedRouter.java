package io.metalboot.sim;

import io.metalboot.sim.faults.CommandLog;
import io.metalboot.sim.faults.Faults;
import io.metalboot.router.plan.RouterKind;
import io.metalboot.sim.fs.RouterFs;
import io.metalboot.sim.shell.CommandTable;
import io.metalboot.sim.shell.ProcessTable;
import io.metalboot.sim.shell.Shell;
import io.metalboot.sim.shell.ShellConfig;
import io.metalboot.sim.shell.ShellObserver;
import io.metalboot.sim.shell.Tools;
import io.metalboot.sim.ssh.ChannelHandler;
import io.metalboot.sim.ssh.SshFront;
import io.metalboot.sim.ssh.SshLogin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A simulated EdgeRouter or OpenWrt router: its own root directory, programs, shell and DHCP
 * daemon, reachable over SSH on loopback. Tests arm faults and inspect configs, files, daemon state
 * and the log of every command received.
 */
public final class SimulatedRouter implements AutoCloseable {
    private final RouterKind kind;
    private final Path dir;
    private final RouterFs fs;
    private final RouterModel model;
    private final ProcessTable processes = new ProcessTable();
    private final Faults faults = new Faults();
    private final ConnectionFaults connectionFaults = new ConnectionFaults();
    private final java.util.concurrent.atomic.AtomicLong execBytes = new java.util.concurrent.atomic.AtomicLong();
    private final CommandLog log = new CommandLog();
    private final ShellConfig execShell;
    private final ShellConfig loginShell;
    private final SshFront ssh;

    private SimulatedRouter(SimConfig config) throws IOException {
        this.kind = config.kind();
        this.dir = config.dir();
        this.fs = new RouterFs(dir.resolve("root"));
        this.model = switch (kind) {
            case EDGEOS -> new EdgeosModel(fs, faults, processes, this::dropConnections);
            case OPENWRT -> new OpenwrtModel(fs, faults, processes);
            case NONE -> throw new IllegalArgumentException("router kind none is no router to simulate (choose edgeos or openwrt)");
        };
        CommandTable exec = Tools.registerAll(new CommandTable());
        CommandTable login = Tools.registerAll(new CommandTable());
        model.registerPrograms((name, c) -> {
            exec.register(name, c);
            login.register(name, c);
        }, login::register, exec::find);
        this.execShell = new ShellConfig(fs, exec, processes, model.env(), model.dialect(), observer());
        this.loginShell = execShell.withCommands(login);
        SshLogin sshLogin = new SshLogin(model.user(), config.password(), fs.resolve(model.authorizedKeysPath()),
                dir.resolve("ssh_host_key"), config.rsaHostKey());
        this.ssh = SshFront.start("127.0.0.1", config.port(), sshLogin, new Channels());
    }

    /** Starts a router as {@code config} says; its root is created under {@code config.dir()} or reused. */
    public static SimulatedRouter start(SimConfig config) {
        try {
            return new SimulatedRouter(config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the simulated " + config.kind() + " router in " + config.dir()
                    + ": " + e.getMessage(), e);
        }
    }

    private ShellObserver observer() {
        return new ShellObserver() {
            @Override
            public void beforeCommand(int pid, List<String> argv) {
                connectionFaults.beforeCommand(argv);
            }

            @Override
            public void afterCommand(int pid, List<String> argv, int status) {
                log.add("command", pid, String.join(" ", argv), Optional.of(status));
                faults.takeScriptAfter(String.join(" ", argv)).ifPresent(script -> new Shell(execShell).run(script,
                        InputStream.nullInputStream(), OutputStream.nullOutputStream(), OutputStream.nullOutputStream()));
            }

            @Override
            public void shellExited(int pid) {
                model.shellEnded(pid);
            }
        };
    }

    /** SSH channels run in a fresh shell each, as sshd runs {@code $SHELL -c}. */
    private final class Channels implements ChannelHandler {
        @Override
        public int exec(String command, InputStream in, OutputStream out, OutputStream err) {
            Optional<Integer> status = Optional.empty();
            connectionFaults.beforeRoundTrip();
            execBytes.addAndGet(command.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
            InputStream counted = new java.io.FilterInputStream(in) {
                @Override
                public int read() throws java.io.IOException {
                    int b = super.read();
                    if (b >= 0) {
                        execBytes.incrementAndGet();
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
                    int n = super.read(buffer, offset, length);
                    if (n > 0) {
                        execBytes.addAndGet(n);
                    }
                    return n;
                }
            };
            try {
                status = Optional.of(new Shell(execShell).run(command, counted, out, err));
                return status.get();
            } finally {
                log.add("exec", 0, command, status);
            }
        }

        @Override
        public int shell(InputStream in, OutputStream out, OutputStream err, boolean tty) {
            Optional<Integer> status = Optional.empty();
            try {
                status = Optional.of(new Shell(loginShell).interactive(in, out, err, tty));
                return status.get();
            } finally {
                log.add("shell", 0, "(interactive login)", status);
            }
        }
    }

    public RouterKind kind() {
        return kind;
    }

    public String host() {
        return ssh.host();
    }

    public int port() {
        return ssh.port();
    }

    /** Adds an OpenSSH public key line to the login user's authorized_keys. */
    public void authorize(String publicKey) throws java.io.IOException {
        String path = model.authorizedKeysPath();
        fs.mkdir(path.substring(0, path.lastIndexOf('/')), true);
        String existing = fs.exists(path) ? fs.read(path) : "";
        fs.write(path, existing + publicKey.strip() + "\n");
    }

    /** The login user ({@code ubnt} / {@code root}). */
    public String user() {
        return model.user();
    }

    /** The simulator's directory: {@code root/} is the router's file system, {@code ssh_host_key} its host key. */
    public Path dir() {
        return dir;
    }

    public RouterFs fs() {
        return fs;
    }

    public Faults faults() {
        return faults;
    }

    /** Bytes that exec requests brought in so far: their command lines and what their commands read from standard input. */
    public long execBytes() {
        return execBytes.get();
    }

    public ConnectionFaults connectionFaults() {
        return connectionFaults;
    }

    public CommandLog log() {
        return log;
    }

    public ProcessTable processes() {
        return processes;
    }

    public String activeConfig() {
        return model.activeConfig();
    }

    public String savedConfig() {
        return model.savedConfig();
    }

    public boolean dhcpRunning() {
        return model.dhcpRunning();
    }

    public String dhcpConfig() {
        return model.dhcpConfig();
    }

    /** Pulls the plug and powers on again: connections drop, jobs die, unsaved state is lost. */
    public void reboot() {
        dropConnections();
        model.reboot();
    }

    /** Every SSH connection and every process goes, as at power-off (the model restarts its daemon). */
    private void dropConnections() {
        if (ssh != null) {
            ssh.dropAll();
        }
        processes.killAll();
    }

    @Override
    public void close() {
        ssh.close();
        processes.killAll();
    }
}
