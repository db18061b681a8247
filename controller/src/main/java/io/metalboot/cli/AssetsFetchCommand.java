package io.metalboot.cli;

import io.metalboot.assets.FetchOptions;
import io.metalboot.assets.FlatcarFetch;
import io.metalboot.assets.FlatcarRelease;
import io.metalboot.assets.Keyring;
import io.metalboot.assets.ProgressDisplay;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "fetch",
        description = {"Download an OS's PXE kernel and initrd into the data dir and verify their OpenPGP signatures.", "",
                "  metalboot assets fetch flatcar --channel stable --version 4152.2.3 --dir DATA",
                "",
                "Fetches flatcar_production_pxe.vmlinuz and flatcar_production_pxe_image.cpio.gz with their .sig files from"
                        + " BASE/VERSION/ (BASE: https://CHANNEL.release.flatcar-linux.net/amd64-usr) into"
                        + " DATA/assets/flatcar/VERSION/, where the boot profiles look for them (/assets/flatcar/VERSION/...)."
                        + " VERSION 'current' keeps the directory name 'current', as the inventory's os.version names it.",
                "",
                "Each file downloads to NAME.part; an interrupted download resumes with an HTTP range request, here or"
                        + " on the next run. It becomes NAME only once its signature verifies against Flatcar's image signing"
                        + " key (bundled; F88CFEDEFF29A5B4D9523864E25D9AED0593B34A, releases signed by its subkeys), or"
                        + " --key FILE. A file that does not verify is deleted. Files already there are verified again and"
                        + " kept, without downloading, unless --force.", ""},
        footer = {"", "Exit status: 0 ok, 1 failure (network, server, bad signature), 2 bad input (flags, key file)."})
final class AssetsFetchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    // no mixinStandardHelpOptions: its -V/--version would take the place of --version VERSION
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Parameters(index = "0", paramLabel = "OS", description = "The OS: flatcar.")
    String os;

    @Option(names = "--channel", paramLabel = "CHANNEL", required = true, description = "stable, beta, alpha or lts.")
    String channel;

    @Option(names = "--version", paramLabel = "VERSION", required = true,
            description = "A release, e.g. 4152.2.3, or current (current-YYYY for an LTS stream).")
    String version;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "A mirror laid out like Flatcar's: URL/VERSION/NAME (default: https://CHANNEL.release.flatcar-linux.net/amd64-usr).")
    Optional<String> baseUrl;

    @Option(names = {"--dir", "--data"}, paramLabel = "DATA", defaultValue = ".",
            description = "The data dir; files go to DATA/assets/flatcar/VERSION/ (default: the current directory).")
    Path data;

    @Option(names = "--key", paramLabel = "FILE", description = "Verify with the OpenPGP public key(s) in FILE instead of the bundled Flatcar key.")
    Optional<Path> key;

    @Option(names = "--force", description = "Download again even when verified files are there (they are replaced once the new ones verify).")
    boolean force;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "3",
            description = "Retries per file after a connection error, a stall or a 5xx, each resuming (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
    boolean quiet;

    @Override
    public Integer call() {
        if (!os.equals("flatcar")) {
            throw new BadInputException("OS '" + os + "' cannot be fetched (expected flatcar)");
        }
        if (retries < 0 || retries > 100) {
            throw new BadInputException("--retries " + retries + " is out of range (expected 0 to 100)");
        }
        FlatcarRelease release = FlatcarRelease.of(channel, version, baseUrl);
        Keyring keyring = key.map(Keyring::read).orElseGet(Keyring::flatcar);
        FetchOptions defaults = FetchOptions.defaults();
        FetchOptions options = new FetchOptions(retries, defaults.backoff(), defaults.connectTimeout(), defaults.stallTimeout(), force);
        ProgressDisplay.Mode mode = quiet ? ProgressDisplay.Mode.QUIET
                : stderrIsTerminal() ? ProgressDisplay.Mode.BAR : ProgressDisplay.Mode.LINES;
        ProgressDisplay display = new ProgressDisplay(spec.commandLine().getErr(), mode, columns(), System::nanoTime);
        // Ctrl-C: end the bar's line and say how to go on; the .part file stays for the next run
        Thread onInterrupt = new Thread(() -> display.note("interrupted: run the same command again to resume"));
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        List<FlatcarFetch.Fetched> fetched;
        try {
            fetched = new FlatcarFetch(release, data, keyring, options, display, Clock.systemUTC(), baseUrl.isPresent()).run();
        } finally {
            removeHook(onInterrupt);
        }
        if (!quiet) {
            var out = spec.commandLine().getOut();
            for (FlatcarFetch.Fetched f : fetched) {
                out.printf("%-10s %s (%,d bytes), signed %s by %s%n", f.outcome() == FlatcarFetch.Outcome.KEPT ? "kept" : "downloaded",
                        f.file().normalize(), f.size(), f.signature().made().toString().substring(0, 10), f.signature().signer());
            }
            out.flush();
        }
        return 0;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs
        }
    }

    /** Whether standard error is a terminal (Linux: where fd 2 points), and not a dumb one. */
    private static boolean stderrIsTerminal() {
        if ("dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return Style.Terminal.isTerminal();
        }
    }

    private static int columns() {
        try {
            return Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "80").trim());
        } catch (NumberFormatException e) {
            return 80;
        }
    }
}
