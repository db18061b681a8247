package io.metalboot.boot;

import io.metalboot.boot.ServedProject.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A temporary root for {@code systemd-analyze verify --root}: the Ignition's units and drop-ins in
 * /etc/systemd/system, this machine's /usr/lib/systemd/system (targets such as
 * network-online.target; its files only, not its alias and mask links), stub units for what Flatcar ships and the test machine lacks, and an
 * executable stub (exit 0) for every ExecStart binary; verify resolves all of them inside the root.
 */
final class SystemdRoot {
    /** Units Flatcar provides that a Debian test machine has not. */
    static final Set<String> FLATCAR_UNITS = Set.of("containerd.service", "docker.service");

    private SystemdRoot() {
    }

    /** Writes the root; returns the unit files to verify. */
    static List<Path> write(Path root, Config config) throws IOException {
        Path system = Files.createDirectories(root.resolve("etc/systemd/system"));
        copyTree(Path.of("/usr/lib/systemd/system"), Files.createDirectories(root.resolve("usr/lib/systemd/system")));
        for (String unit : FLATCAR_UNITS) {
            Files.writeString(system.resolve(unit), "[Unit]\nDescription=stub of Flatcar's " + unit + "\n[Service]\nExecStart=/usr/bin/true\n");
        }
        stub(root, "/usr/bin/true");
        List<Path> verify = new ArrayList<>();
        for (Config.Unit u : config.units()) {
            if (u.contents().isPresent()) {
                Path file = system.resolve(u.name());
                Files.writeString(file, u.contents().get());
                verify.add(file);
                for (List<String> exec : Config.execStarts(u.contents().get())) {
                    stub(root, exec.get(0).replaceFirst("^[-@:+!]+", ""));
                }
            }
            for (var d : u.dropins().entrySet()) {
                Files.writeString(Files.createDirectories(system.resolve(u.name() + ".d")).resolve(d.getKey()), d.getValue());
                if (!verify.contains(system.resolve(u.name()))) {
                    verify.add(system.resolve(u.name()));
                }
            }
        }
        return verify;
    }

    /** An absolute path, or a bare name, which systemd looks up in its fixed PATH (so /usr/bin/NAME serves). */
    private static void stub(Path root, String binary) throws IOException {
        Path file = root.resolve(binary.startsWith("/") ? binary.substring(1) : "usr/bin/" + binary);
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "#!/bin/sh\nexit 0\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) { // links (aliases, masks) are not needed
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
    }
}
