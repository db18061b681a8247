package io.metalboot.cli;

import io.metalboot.tftp.IpxeFiles;
import io.metalboot.tftp.TftpConfig;
import io.metalboot.tftp.TftpException;
import io.metalboot.tftp.TftpServer;
import io.metalboot.tftp.TransferEvent;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "tftp", mixinStandardHelpOptions = true,
        description = {"Serve DATA/tftpboot over TFTP (read-only), for PXE firmware that chainloads iPXE.", "",
                "First copies the iPXE binaries (undionly.kpxe, ipxe.efi, snponly.efi) into DATA/tftpboot: from"
                        + " --ipxe-from DIR, replacing what is there, or else from Debian's ipxe package ("
                        + "/usr/lib/ipxe), keeping files already there. Then serves until stopped (Ctrl-C),"
                        + " printing one line per transfer. metalboot serve runs the same server beside the"
                        + " HTTP boot server.", ""},
        footer = {"", "Exit status: 0 stopped, 1 failed (e.g. the port is taken), 2 bad flag or directory.",
                "Example: metalboot tftp --data ./data --listen 0.0.0.0:69   (port 69 needs root)"})
final class TftpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Data directory; DIR/tftpboot is served.")
    Path data;

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:6969",
            description = "Address and UDP port to answer on (default: ${DEFAULT-VALUE}; PXE clients need port 69).")
    String listen;

    @Option(names = "--ipxe-from", paramLabel = "DIR", description = "Copy the iPXE binaries from DIR instead of /usr/lib/ipxe.")
    Optional<Path> ipxeFrom;

    @Option(names = "--max-transfers", paramLabel = "N", defaultValue = "" + TftpConfig.DEFAULT_MAX_TRANSFERS,
            description = "Transfers served at once; more requests wait for the client's retry (default: ${DEFAULT-VALUE}).")
    int maxTransfers;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isDirectory(data)) {
            throw new BadInputException("--data " + data + " is not a directory; create it (metalboot serves"
                    + " DIR/tftpboot from it) or point --data at your data directory");
        }
        Path tftpboot = data.resolve("tftpboot");
        TftpConfig config;
        try {
            InetSocketAddress address = TftpConfig.parseListen("--listen", listen);
            IpxeFiles.Report report = IpxeFiles.populate(tftpboot, ipxeFrom, IpxeFiles.DEBIAN);
            report.copied().forEach(f -> out.println("copied " + f + " into " + tftpboot));
            if (report.copied().isEmpty() && report.kept().isEmpty()) {
                out.println("warning: no iPXE binaries in " + tftpboot + "; install Debian's ipxe package or pass"
                        + " --ipxe-from DIR");
            }
            config = new TftpConfig(address, tftpboot, maxTransfers, TftpConfig.DEFAULT_TIMEOUT,
                    TftpConfig.DEFAULT_RETRIES);
        } catch (TftpException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (TftpServer server = TftpServer.start(config, event -> print(out, event))) {
            out.println("serving " + tftpboot + " over TFTP on " + server.address().getAddress().getHostAddress() + ":"
                    + server.port() + " (Ctrl-C to stop)");
            out.flush();
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopped from outside: a normal end
        }
        return 0;
    }

    private static synchronized void print(PrintWriter out, TransferEvent event) {
        out.println(event.outcome().name().toLowerCase(java.util.Locale.ROOT) + " " + event.file() + " to "
                + event.client().getAddress().getHostAddress() + " (" + event.bytes() + " bytes"
                + (event.detail().isEmpty() ? "" : ", " + event.detail()) + ")");
        out.flush();
    }
}
