package io.metalboot.cli;

import io.metalboot.boot.DataDir;
import io.metalboot.boot.DataDirWriter;
import io.metalboot.inventory.Inventory;
import io.metalboot.routercfg.RenderedFiles;
import io.metalboot.tftp.IpxeFiles;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "render-data", mixinStandardHelpOptions = true,
        description = {"Write a matchbox data dir for the inventory, for 'metalboot serve'.", "",
                "groups/install.json (no selector: every machine not yet installed) with profiles/install.json, which"
                        + " PXE-boots the inventory's OS and installs it to disk; then per machine groups/NAME.json selecting"
                        + " its mac and os=installed, with profiles/node-ROLE.json: ignition/k8s-node.yaml for masters and workers (etcd, kubelet,"
                        + " kube-proxy, CNI; the control plane on masters; keys read from pki/ in the data dir), ignition/node.yaml"
                        + " for role none. groups/, profiles/ and ignition/ are replaced whole; assets/ and pki/ are left alone.", ""},
        footer = {"", "Exit status: 0 written, 2 bad inventory."})
final class RenderDataCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    InventoryOption inventory;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The data dir to write.")
    Path out;

    @Option(names = "--ipxe-from", paramLabel = "DIR",
            description = "Copy undionly.kpxe, ipxe.efi and snponly.efi into tftpboot/ from DIR, replacing them (default: from"
                    + " Debian's ipxe package in /usr/lib/ipxe, keeping files already there).")
    java.util.Optional<Path> ipxeFrom;

    @Override
    public Integer call() throws java.io.IOException {
        Inventory inv = inventory.load();
        var o = spec.commandLine().getOut();
        write(inv, out, ipxeFrom, o);
        o.printf("serve it with: metalboot serve --data %s -c %s%n", out, inventory.file);
        o.flush();
        return 0;
    }

    /** Writes the data dir for {@code inv} into {@code out} and says what it wrote on {@code o}. */
    static void write(Inventory inv, Path out, java.util.Optional<Path> ipxeFrom, java.io.PrintWriter o) throws java.io.IOException {
        RenderedFiles files = new RenderedFiles();
        DataDirWriter.files(inv).forEach(files::put);
        files.writeTo(out);
        java.nio.file.Files.createDirectories(out.resolve("assets")); // serve registers /assets/ only for an existing directory
        IpxeFiles.Report ipxe = IpxeFiles.populate(out.resolve("tftpboot"), ipxeFrom, IpxeFiles.DEBIAN);
        DataDir written = DataDir.load(out);
        o.printf("wrote %d groups, %d profiles and %d Ignition templates to %s%n", written.groups().size(), written.profiles().size(),
                written.ignition().size(), out);
        written.warnings().forEach(w -> o.println("warning: " + w));
        java.util.List<String> done = new java.util.ArrayList<>();
        if (!ipxe.copied().isEmpty()) {
            done.add("copied " + String.join(", ", ipxe.copied()));
        }
        if (!ipxe.kept().isEmpty()) {
            done.add("kept " + String.join(", ", ipxe.kept()));
        }
        if (!done.isEmpty()) {
            o.println("tftpboot: " + String.join("; ", done));
        }
        if (!ipxe.missing().isEmpty()) {
            o.println("warning: no " + String.join(", ", ipxe.missing()) + " for " + out.resolve("tftpboot") + " (install Debian's"
                    + " ipxe package, or pass --ipxe-from DIR); PXE firmware that is not iPXE needs undionly.kpxe or ipxe.efi");
        }
    }
}
