package io.metalboot.sim;

import io.metalboot.router.RequiredTool;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The virtual lab's network, all inside network namespaces this test creates and removes: a
 * {@code router} namespace (its LAN interface, 192.168.1.1/24), a {@code laptop} namespace ({@code eth0},
 * 192.168.1.250/24) and a {@code lan} namespace holding the switch (bridge {@code br0}) and the
 * machines' tap devices. Nothing is added to the host's own namespace; {@link #close} deletes the
 * namespaces (and with them every interface) and stops every process started in them.
 */
final class NetLab implements AutoCloseable {
    static final String ROUTER_IP = "192.168.1.1";
    static final String LAPTOP_IP = "192.168.1.250";

    private final String prefix;
    private final Path ip;
    private final String routerInterface;
    private final List<Process> processes = new ArrayList<>();
    private final List<String> namespaces = new ArrayList<>();
    private int taps;

    private NetLab(String prefix, Path ip, String routerInterface) {
        this.prefix = prefix;
        this.ip = ip;
        this.routerInterface = routerInterface;
    }

    /** Builds the lab, the router's LAN interface named as on the router; skipped (failed under CI=true) without root or iproute2. */
    static NetLab create(String routerInterface) throws IOException, InterruptedException {
        Path ip = RequiredTool.find("ip", "iproute2").path();
        if (!"root".equals(System.getProperty("user.name"))) {
            String reason = "the virtual lab needs root to create network namespaces (run as root, e.g. in CI)";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("CI=true and " + reason);
            }
            System.out.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
        NetLab lab = new NetLab("mb" + Long.toString(ProcessHandle.current().pid() % 100_000, 36)
                + Long.toString(System.nanoTime() % 1296, 36), ip, routerInterface);
        try {
            lab.build();
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            lab.close();
            throw e;
        }
        return lab;
    }

    String router() {
        return prefix + "-router";
    }

    String laptop() {
        return prefix + "-laptop";
    }

    String lan() {
        return prefix + "-lan";
    }

    private void build() throws IOException, InterruptedException {
        for (String ns : List.of(router(), laptop(), lan())) {
            ip("netns", "add", ns);
            namespaces.add(ns);
            ip("-n", ns, "link", "set", "lo", "up");
        }
        ip("-n", lan(), "link", "add", "br0", "type", "bridge");
        ip("-n", lan(), "link", "set", "br0", "up");
        link(router(), routerInterface, "to-router", ROUTER_IP);
        link(laptop(), "eth0", "to-laptop", LAPTOP_IP);
    }

    /** A veth pair: {@code inside} in {@code ns} with {@code address}/24, its peer on the switch. */
    private void link(String ns, String inside, String port, String address) throws IOException, InterruptedException {
        String tmp = prefix + port.substring(3, 4);
        ip("link", "add", tmp, "netns", ns, "type", "veth", "peer", "name", port, "netns", lan());
        ip("-n", ns, "link", "set", tmp, "name", inside);
        ip("-n", ns, "addr", "add", address + "/24", "dev", inside);
        ip("-n", ns, "link", "set", inside, "up");
        ip("-n", lan(), "link", "set", port, "master", "br0");
        ip("-n", lan(), "link", "set", port, "up");
    }

    /** A new tap device on the switch for one machine; its name. */
    String tap() throws IOException, InterruptedException {
        String name = "tap" + taps++;
        ip("-n", lan(), "tuntap", "add", "dev", name, "mode", "tap");
        ip("-n", lan(), "link", "set", name, "master", "br0");
        ip("-n", lan(), "link", "set", name, "up");
        return name;
    }

    /** Starts {@code command} inside namespace {@code ns}, output (both streams) to {@code log}; stopped by {@link #close}. */
    Process start(String ns, Path log, String... command) throws IOException {
        List<String> argv = new ArrayList<>(List.of(ip.toString(), "netns", "exec", ns));
        argv.addAll(List.of(command));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        processes.add(p);
        return p;
    }

    /** Runs {@code command} inside {@code ns} to its end (30 s at most) and returns its output; a failure is an error. */
    String run(String ns, String... command) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(ip.toString(), "netns", "exec", ns));
        argv.addAll(List.of(command));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish within 30 s in " + ns);
        }
        if (p.exitValue() != 0) {
            throw new IOException("'" + String.join(" ", command) + "' in " + ns + " exited " + p.exitValue() + ": " + out.strip());
        }
        return out;
    }

    private void ip(String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(ip.toString()));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("'" + String.join(" ", argv) + "' failed: " + out.strip());
        }
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (Process p : processes) {
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (String ns : namespaces) {
            try {
                ip("netns", "del", ns);
            } catch (IOException | InterruptedException e) {
                System.err.println("could not remove network namespace " + ns + ": " + e.getMessage());
            }
        }
    }
}
