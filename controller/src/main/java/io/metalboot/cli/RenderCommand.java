package io.metalboot.cli;

import io.metalboot.inventory.Inventory;
import io.metalboot.routercfg.EdgeosConfig;
import io.metalboot.routercfg.OpenwrtConfig;
import io.metalboot.routercfg.RenderedFiles;
import io.metalboot.routercfg.RouterTemplates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Write the router configuration for an inventory, offline: no router is contacted.",
                "",
                "For each router kind: the files to upload, the commands (EdgeOS set commands, uci batch) and"
                        + " the DHCP daemon config the router would generate from them (ISC dhcpd.conf, dnsmasq.conf).",
                "Everything is rendered and checked first; OUT is only written when all of it succeeded.", ""},
        footer = {"", "Templates (Go text/template syntax) see:",
                "  cluster.name",
                "  network.{subnet,network,netmask,prefixLength,gateway,dns,poolStart,poolEnd,",
                "          poolOffset,poolSize,leaseSeconds,leaseTime,sharedNetwork,domain}",
                "  router.{kind,address,lanInterface,globalParameters,subnetParameters}",
                "  bootServer.{address,name,httpPort,url}   ipxe.{bios,efi,scriptUrl}",
                "  files.{optionSpace,green}   machines[].{name,mac,ip,role,section,arch}",
                "  bootArchs[].{id,tag,firmware,cpu,protocol,clientArch,vendorClass,loader,bootFile,",
                "              buildarch,platform,dhcpdArch,matches[].{section,arch}}  (the boot architecture table)",
                "and the function edgeosQuote (raw dhcpd parameter -> quoted EdgeOS value).",
                "", "Exit status: 0 written, 1 failure, 2 bad inventory, flag or template."})
final class RenderCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    InventoryOption inventory;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write; created if missing.")
    Path out;

    @Option(names = "--kind", defaultValue = "all", paramLabel = "KIND",
            description = "edgeos, openwrt or all (default: ${DEFAULT-VALUE}).")
    String kind;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "Override bundled templates with DIR/edgeos/NAME and DIR/openwrt/NAME files.")
    Optional<Path> templates;

    @Override
    public Integer call() throws Exception {
        if (!kind.equals("all") && !kind.equals(EdgeosConfig.KIND) && !kind.equals(OpenwrtConfig.KIND)) {
            throw new BadInputException("--kind '" + kind + "' is not one of edgeos, openwrt, all");
        }
        templates.filter(d -> !Files.isDirectory(d)).ifPresent(d -> {
            throw new BadInputException("--templates " + d + " is not a directory (expected DIR with edgeos/ or openwrt/ inside)");
        });
        Inventory inv = inventory.load();
        RouterTemplates t = new RouterTemplates(templates);
        RenderedFiles files = new RenderedFiles();
        if (!kind.equals(OpenwrtConfig.KIND)) {
            EdgeosFiles.add(files, EdgeosConfig.render(inv, t), out);
        }
        if (!kind.equals(EdgeosConfig.KIND)) {
            OpenwrtFiles.add(files, OpenwrtConfig.render(inv, t), out);
        }
        files.writeTo(out);
        var o = spec.commandLine().getOut();
        files.paths().forEach(p -> o.println("wrote " + out.resolve(p)));
        o.flush();
        return 0;
    }
}
