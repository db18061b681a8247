package io.metalboot.sim;

import io.metalboot.router.RequiredTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The lab machines' Linux: Debian's cloud kernel, extracted with {@code dpkg -x} (never installed),
 * and a busybox initrd this test builds, whose init loads the virtio-net driver, gets an address by
 * DHCP, fetches {@code /ignition?mac=…&os=installed}, prints {@code METALBOOT-IGNITION MAC SHA256}
 * on the serial console and powers off.
 */
final class LabKernel {
    static final List<String> MODULES = List.of("virtio", "virtio_ring", "virtio_pci_legacy_dev", "virtio_pci_modern_dev",
            "virtio_pci", "failover", "net_failover", "virtio_net");
    static final String INIT = """
            #!/bin/busybox sh
            /bin/busybox --install -s /bin
            mount -t proc proc /proc; mount -t sysfs sys /sys; mount -t devtmpfs dev /dev
            # the package has no modules.dep and dependencies move between kernel updates (virtio needs
            # virtio_ring since 6.1.192), so load in passes until every module is in, at most one per module
            for pass in %1$s; do for m in %1$s; do [ -e /sys/module/$m ] || insmod /lib/modules/$m.ko 2>/dev/null; done; done
            for m in %1$s; do [ -e /sys/module/$m ] || echo "METALBOOT-MODULE-MISSING $m" > /dev/ttyS0; done
            ip link set eth0 up
            udhcpc -i eth0 -s /udhcpc.sh -q -n -t 20 -T 2
            mac=$(cat /sys/class/net/eth0/address)
            wget -q -O /ignition.json "http://%2$s/ignition?mac=$mac&os=installed"
            echo "METALBOOT-IGNITION $mac $(sha256sum /ignition.json | cut -d' ' -f1)" > /dev/ttyS0
            poweroff -f
            """;
    static final String UDHCPC = """
            #!/bin/sh
            [ "$1" = bound ] && ifconfig "$interface" "$ip" netmask "$subnet"
            exit 0
            """;

    private LabKernel() {
    }

    /** {@code vmlinuz} and {@code initrd} written to {@code kernel} and {@code initrd}; skipped or failed without the tools. */
    static void build(Path kernel, Path initrd, String server, Path work) throws IOException, InterruptedException {
        RequiredTool.find("cpio", "cpio");
        RequiredTool.find("dpkg", "dpkg");
        Path busybox = Path.of("/bin/busybox");
        if (!Files.exists(busybox) || !Files.readString(Path.of("/var/lib/dpkg/status")).contains("Package: busybox-static")) {
            RequiredTool.find("missing-busybox-static", "busybox-static");
        }
        Path cache = Path.of(System.getProperty("java.io.tmpdir"), "metalboot-lab-kernel");
        Path tree = cache.resolve("x");
        if (!Files.isDirectory(tree.resolve("boot"))) {
            Files.createDirectories(cache);
            String pkg = sh(cache, "apt-cache depends linux-image-cloud-amd64 | awk '/Depends:/ {print $2; exit}'").strip();
            sh(cache, "apt-get download -q " + pkg + " && dpkg -x " + pkg + "_*.deb x");
        }
        Path vmlinuz;
        try (Stream<Path> boot = Files.list(tree.resolve("boot"))) {
            vmlinuz = boot.filter(p -> p.getFileName().toString().startsWith("vmlinuz-")).findFirst().orElseThrow();
        }
        Files.createDirectories(kernel.getParent());
        Files.copy(vmlinuz, kernel, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path root = Files.createDirectories(work.resolve("initrd-root"));
        for (String dir : List.of("bin", "proc", "sys", "dev", "lib/modules")) {
            Files.createDirectories(root.resolve(dir));
        }
        Files.copy(busybox, root.resolve("bin/busybox"));
        for (String module : MODULES) {
            try (Stream<Path> found = Files.walk(tree.resolve("lib/modules"))) {
                Path ko = found.filter(p -> p.getFileName().toString().equals(module + ".ko")).findFirst()
                        .orElseThrow(() -> new IOException(module + ".ko is not in the kernel package"));
                Files.copy(ko, root.resolve("lib/modules/" + module + ".ko"));
            }
        }
        Files.writeString(root.resolve("init"), INIT.formatted(String.join(" ", MODULES), server));
        Files.writeString(root.resolve("udhcpc.sh"), UDHCPC);
        sh(root, "chmod 755 init udhcpc.sh bin/busybox");
        sh(root, "find . | cpio -o -H newc --quiet | gzip -1 > " + initrd);
    }

    private static String sh(Path dir, String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", "-c", script).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("'" + script + "' failed in " + dir + ": " + out.strip());
        }
        return out;
    }
}
