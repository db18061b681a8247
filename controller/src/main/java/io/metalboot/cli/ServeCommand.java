package io.metalboot.cli;

import io.metalboot.boot.store.EtcdStore;
import io.metalboot.boot.store.FileStore;
import io.metalboot.boot.store.SharedProgress;
import io.metalboot.boot.store.Store;
import io.metalboot.boot.Progress;
import io.metalboot.boot.events.Board;
import io.metalboot.boot.events.BootEvents;
import io.metalboot.boot.events.FileEventLog;
import io.metalboot.boot.events.Oui;
import io.metalboot.inventory.UnknownMachines;
import io.metalboot.boot.http.BootServer;
import io.metalboot.inventory.Inventory;
import io.metalboot.inventory.InventoryLoader;
import io.metalboot.inventory.Machine;
import io.metalboot.tftp.TftpConfig;
import io.metalboot.tftp.TftpServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve network boots from a matchbox data dir until Ctrl-C.", "",
                "Endpoints: /boot.ipxe, /ipxe, /grub, /ignition, /generic, /metadata, /assets/…, /healthz, /metrics,"
                        + " /status. Groups, profiles and templates are read once and again whenever they change (a"
                        + " broken change is reported and the last good data keeps serving).", ""},
        footer = {"", "To serve a LAN (the seed's laptop at 192.168.1.250): metalboot serve --data DIR --http 192.168.1.250:80",
                "Several boot servers sharing one store: metalboot serve --store etcd://h1:2379,h2:2379,h3:2379/lab --data DIR"
                        + " (DIR holds this server's assets/, tftpboot/ and contents.local files; its groups, profiles and"
                        + " templates come from etcd, pushed with 'metalboot store push'). A server that cannot read etcd at"
                        + " start does not start; once started it keeps serving its last data while etcd is down.",
                "Without router access: metalboot serve --data DIR -c cluster.yaml --proxy-dhcp --http 192.168.1.250:80 --tftp 192.168.1.250:69 (as root)",
                "Exit status: 0 stopped, 1 failure (port taken, data dir broken, the HTTP listener stopped), 2 bad flag."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", required = true, description = "The data dir (groups/, profiles/, ignition/, generic/, assets/);"
            + " with --store only its assets/, tftpboot/ and contents.local files.")
    Path data;

    @Option(names = "--store", paramLabel = "URL", description = "Read groups, profiles and templates from etcd instead:"
            + " etcd://HOST:PORT,HOST:PORT/CLUSTER (see 'metalboot store').")
    Optional<String> store;

    @Option(names = "--replica", paramLabel = "NAME", description = "This server's name in shared progress (default: HOST:PORT).")
    Optional<String> replica;

    @picocli.CommandLine.Mixin
    StoreOptions storeOptions;

    @Option(names = "--http", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:8080",
            description = "Where to listen for HTTP (default: ${DEFAULT-VALUE}; port 0 = any free port).")
    String http;

    @Option(names = "--tftp", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:6969",
            description = "Where to serve DATA/tftpboot over TFTP for PXE firmware (default: ${DEFAULT-VALUE}; a LAN uses port 69;"
                    + " 'off' to serve no TFTP).")
    String tftp;

    @Option(names = {"-c", "--inventory"}, paramLabel = "FILE",
            description = "Inventory whose fixed addresses name the machines in /status (asset downloads carry no MAC).")
    Optional<Path> inventory;

    @picocli.CommandLine.Mixin
    ProxyDhcpOptions proxyDhcp;

    @Option(names = "--state", paramLabel = "DIR", description = "Where the boot history is kept (boot-events.jsonl; default:"
            + " .metalboot/ beside the inventory with -c, else DATA/.metalboot).")
    Optional<Path> state;

    @Override
    public Integer call() throws Exception {
        HostPort listen = HostPort.parse("--http", http);
        Map<String, String> macByIp = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        java.util.List<Board.Known> known = new java.util.ArrayList<>();
        UnknownMachines unknown = UnknownMachines.DEFAULT;
        Optional<Inventory> loaded = inventory.map(InventoryLoader::load);
        if (loaded.isPresent()) {
            Inventory inv = loaded.get();
            for (Machine m : inv.machines()) {
                macByIp.put(m.ip().toString(), m.mac().toString());
                names.put(m.mac().toString(), m.name());
                known.add(new Board.Known(m.mac().toString(), m.name(), m.ip().toString(), m.role().name().toLowerCase()));
            }
            unknown = inv.bootServer().unknownMachines();
        }
        String replicaName = replica.orElse(store.isPresent() ? hostName() + ":" + listen.port() : "");
        Progress progress = new Progress(macByIp, names, Clock.systemUTC(), replicaName);
        Path stateDir = state.orElse(inventory.map(i -> i.toAbsolutePath().getParent().resolve(".metalboot")).orElse(data.resolve(".metalboot")));
        BootEvents events = new BootEvents(new FileEventLog(stateDir, FileEventLog.DEFAULT_MAX_BYTES), progress, new Board(known),
                new Oui(Oui.DEBIAN), Clock.systemUTC());
        Optional<java.net.InetSocketAddress> tftpAt = tftp.equals("off") ? Optional.empty()
                : Optional.of(TftpConfig.parseListen("--tftp", tftp));
        Path tftpboot = data.resolve("tftpboot");
        try (Store live = store.isPresent() ? EtcdStore.open(storeOptions.target("--store", store.get()), data) : new FileStore(data);
                AutoCloseable shared = live instanceof EtcdStore etcd
                        ? new SharedProgress(etcd.client(), etcd.target(), progress, java.time.Duration.ofMillis(500)) : () -> { };
                BootEvents closeEvents = events;
                BootServer server = BootServer.start(listen.host(), listen.port(), live,
                        new BootServer.Options(events, unknown, new LabOverview(live, data, inventory)));
                AutoCloseable tftpServer = tftpAt.isPresent() && java.nio.file.Files.isDirectory(tftpboot)
                        ? TftpServer.start(TftpConfig.of(tftpAt.get(), tftpboot),
                                event -> events.seenAt(event.client().getAddress().getHostAddress(), "tftp", "tftp", tftpDetails(event)),
                                knownAddresses(macByIp))
                        : () -> { };
                AutoCloseable proxy = proxyDhcp.start(loaded, progress, spec.commandLine().getOut(), spec.commandLine().getErr())) {
            var out = spec.commandLine().getOut();
            int port = server.port();
            out.printf("serving %s on http://%s:%d/ (Ctrl-C stops)%n", live.describe(), listen.host(), port);
            out.printf("watch the lab boot on http://%s:%d/ui (boot history in %s; unknown machines: %s)%n", listen.host(), port,
                    stateDir.resolve(FileEventLog.FILE), unknown.word());
            if (tftpServer instanceof TftpServer t) {
                out.printf("serving %s on tftp://%s:%d/%n", tftpboot, tftpAt.get().getAddress().getHostAddress(), t.port());
            } else if (tftpAt.isPresent()) {
                out.printf("no %s: TFTP is off (render-data puts the iPXE binaries there)%n", tftpboot);
            }
            live.snapshot().warnings().forEach(w -> out.println("warning: " + w));
            out.flush();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            server.stoppedUnexpectedly().thenRun(stopped::countDown);
            stopped.await();
            if (server.stoppedUnexpectedly().isDone()) {
                spec.commandLine().getErr().printf("metalboot serve: the HTTP listener on %s:%d stopped by itself (the log above says"
                        + " why, e.g. too many open files); exiting so that a supervisor restarts it (raise the limit with"
                        + " ulimit -n or LimitNOFILE=)%n", listen.host(), port);
                return 1;
            }
        }
        return 0;
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    /** The inventory's fixed addresses, for which TFTP keeps a share of its transfer slots. */
    private static java.util.Set<java.net.InetAddress> knownAddresses(Map<String, String> macByIp) {
        java.util.Set<java.net.InetAddress> out = new java.util.HashSet<>();
        for (String ip : macByIp.keySet()) {
            try {
                out.add(java.net.InetAddress.getByName(ip)); // an IP literal: never a lookup
            } catch (java.net.UnknownHostException e) {
                // not an address: nothing to reserve for it
            }
        }
        return out;
    }

    /** {@code HOST:PORT}, checked at the edge. */
    record HostPort(String host, int port) {
        static HostPort parse(String flag, String text) {
            int colon = text.lastIndexOf(':');
            if (colon <= 0 || !text.substring(colon + 1).matches("[0-9]{1,5}") || Integer.parseInt(text.substring(colon + 1)) > 65535) {
                throw new BadInputException(flag + " '" + text + "' is not HOST:PORT (e.g. 127.0.0.1:8080, or 192.168.1.250:80 to serve a LAN)");
            }
            return new HostPort(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
        }
    }

    /** What the boot history keeps of a TFTP transfer: the file, how it ended, and the sizes it used when it got that far. */
    private static Map<String, String> tftpDetails(io.metalboot.tftp.TransferEvent event) {
        Map<String, String> details = new java.util.LinkedHashMap<>();
        details.put("file", event.file());
        details.put("outcome", event.outcome().name().toLowerCase());
        if (event.blksize() > 0) {
            details.put("blksize", Integer.toString(event.blksize()));
            details.put("windowsize", Integer.toString(event.windowsize()));
        }
        return details;
    }
}
