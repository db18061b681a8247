package io.metalboot.sim.cli;

import io.metalboot.boot.DataDir;
import io.metalboot.boot.Profile;
import io.metalboot.boot.Progress;
import io.metalboot.boot.events.Board;
import io.metalboot.boot.events.BootEvents;
import io.metalboot.boot.events.FileEventLog;
import io.metalboot.boot.events.Oui;
import io.metalboot.boot.http.BootServer;
import io.metalboot.boot.store.FileStore;
import io.metalboot.cli.LabOverview;
import io.metalboot.cli.Main;
import io.metalboot.inventory.Inventory;
import io.metalboot.inventory.InventoryLoader;
import io.metalboot.inventory.Machine;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's boot page: a boot server on a free loopback port serving the lab's data (as {@code metalboot serve -c}
 * would), one machine the inventory does not know discovered ({@code /boot.ipxe}, {@code /ipxe} answers the
 * discover script, {@code /discover}) and one of its machines booted ({@code /ipxe}, kernel, initrd,
 * {@code /ignition}), so both are on {@code /ui}. The kernel and initrd are small stand-ins: nothing is downloaded.
 */
final class DemoBootPage implements AutoCloseable {
    static final String UNKNOWN_MAC = "52:54:00:12:34:56";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final PrintWriter out;
    private final PrintWriter err;
    private final FileStore store;
    private final BootEvents events;
    private final BootServer server;
    private final Inventory inventory;

    private DemoBootPage(PrintWriter out, PrintWriter err, FileStore store, BootEvents events, BootServer server, Inventory inventory) {
        this.out = out;
        this.err = err;
        this.store = store;
        this.events = events;
        this.server = server;
        this.inventory = inventory;
    }

    /** Writes the lab's boot data into {@code data} and serves it on 127.0.0.1, any free port. */
    static DemoBootPage start(PrintWriter out, PrintWriter err, Path inventoryFile, Path data) throws IOException {
        String[] render = {"render-data", "-c", inventoryFile.toString(), "--out", data.toString()};
        out.println();
        out.println("# the boot data for that lab, served on loopback as 'metalboot serve' serves it");
        out.println("$ metalboot " + String.join(" ", render));
        out.flush();
        if (Main.commandLine().setOut(out).setErr(err).execute(render) != 0) {
            throw new IOException("metalboot render-data failed for " + inventoryFile + " (see above)");
        }
        Inventory inv = InventoryLoader.load(inventoryFile);
        standIns(DataDir.load(data));
        Map<String, String> macByIp = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        List<Board.Known> known = new ArrayList<>();
        for (Machine m : inv.machines()) {
            macByIp.put(m.ip().toString(), m.mac().toString());
            names.put(m.mac().toString(), m.name());
            known.add(new Board.Known(m.mac().toString(), m.name(), m.ip().toString(), m.role().label()));
        }
        Clock clock = Clock.systemUTC();
        BootEvents events = new BootEvents(new FileEventLog(data.resolve(".metalboot"), FileEventLog.DEFAULT_MAX_BYTES),
                new Progress(macByIp, names, clock), new Board(known), new Oui(Oui.DEBIAN), clock);
        FileStore store = new FileStore(data);
        try {
            BootServer server = BootServer.start("127.0.0.1", 0, store, new BootServer.Options(events,
                    inv.bootServer().unknownMachines(), new LabOverview(store, data, Optional.of(inventoryFile))));
            out.printf("watch the lab boot on http://127.0.0.1:%d/ui (boot history in %s)%n", server.port(),
                    data.resolve(".metalboot").resolve(FileEventLog.FILE));
            out.flush();
            return new DemoBootPage(out, err, store, events, server, inv);
        } catch (RuntimeException e) {
            store.close();
            events.close();
            throw e;
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** One machine discovered, one booted, then the machines as 'metalboot machines' lists them; false when a step failed. */
    boolean run() {
        Machine known = inventory.machines().stream().filter(m -> m.role() == Machine.Role.WORKER).findFirst()
                .orElse(inventory.machines().get(0));
        String unknown = UNKNOWN_MAC.replace(':', '-');
        String self = known.mac().hyphenated();
        Profile install = store.snapshot().profiles().get("install");
        boolean ok;
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(WAIT).build()) {
            comment("a machine the inventory does not know PXE-boots: it is answered the discover script and reports itself");
            ok = get(http, "/boot.ipxe", "chain ");
            ok &= get(http, "/ipxe?mac=" + unknown + "&uuid=4c4c4544-0042-3010-8053-b4c04f4e3132&hostname=spare-nuc&arch=x86_64",
                    "discover?mac=");
            ok &= get(http, "/discover?mac=" + unknown + "&uuid=4c4c4544-0042-3010-8053-b4c04f4e3132&hostname=spare-nuc"
                    + "&arch=x86_64&platform=pcbios&memsize=16384", "recorded " + UNKNOWN_MAC);
            comment(known.name() + " PXE-boots: its install script, kernel, initrd and Ignition config");
            ok &= get(http, "/ipxe?mac=" + self + "&uuid=4c4c4544-0042-3010-8053-b4c04f4e3133", "kernel ");
            ok &= get(http, path(install.kernel()), "");
            for (String initrd : install.initrd()) {
                ok &= get(http, path(initrd), "");
            }
            ok &= get(http, "/ignition?mac=" + self + "&uuid=4c4c4544-0042-3010-8053-b4c04f4e3133", "\"ignition\"");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        comment("both are on the page; 'metalboot machines' lists them too, with the command that adopts the new one");
        String[] machines = {"machines", "--server", url()};
        out.println("$ metalboot " + String.join(" ", machines));
        out.flush();
        return ok & Main.commandLine().setOut(out).setErr(err).execute(machines) == 0;
    }

    private boolean get(HttpClient http, String path, String expected) throws InterruptedException {
        out.println("GET " + path);
        out.flush();
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(WAIT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200 && r.body().contains(expected)) {
                return true;
            }
            out.printf("!! GET %s answered %d, expected 200 with '%s': %s%n", path, r.statusCode(), expected, r.body().strip());
        } catch (IOException e) {
            out.printf("!! GET %s failed: %s%n", path, e);
        }
        return false;
    }

    private void comment(String text) {
        out.println();
        out.println("# " + text);
        out.flush();
    }

    /** The path of a profile's kernel or initrd reference. */
    private static String path(String ref) {
        String first = ref.split("\\s+")[0];
        return first.startsWith("/") ? first : URI.create(first).getPath();
    }

    /** A few bytes where the install profile's kernel and initrds would be, so that the page sees them fetched. */
    private static void standIns(DataDir data) throws IOException {
        Profile install = data.profiles().get("install");
        if (install == null) {
            throw new IOException("the lab's data has no install profile (render-data changed?)");
        }
        List<String> files = new ArrayList<>(install.initrd());
        files.add(install.kernel());
        for (String ref : files) {
            Path file = data.root().resolve(path(ref).substring(1));
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                Files.writeString(file, "a stand-in for " + file.getFileName() + ": the demo boots no real machine\n");
            }
        }
    }

    @Override
    public void close() {
        server.close();
        store.close();
        events.close();
    }
}
