package io.metalboot.sim.cli;

import io.metalboot.bench.BootStorm;
import io.metalboot.bench.Profile;
import io.metalboot.boot.DataDir;
import io.metalboot.boot.Group;
import io.metalboot.cli.Main;
import io.metalboot.sim.BenchLab;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "storm", mixinStandardHelpOptions = true,
        description = {"Benchmark: N machines network-boot at once against a running 'metalboot serve'.", "",
                "'prepare' writes a lab of N machines on 10.0.0.0/16 (cluster.yaml, its data dir with kernel and initrd"
                        + " of the given sizes, macs.txt); 'run' boots the first 50, 200, … of them at once and prints a"
                        + " Markdown table; 'profile' sums up a JFR recording of the server.", ""},
        subcommands = {BenchStormCommand.Prepare.class, BenchStormCommand.Run.class, BenchStormCommand.ProfileCommand.class})
final class BenchStormCommand implements Callable<Integer> {
    private static final long MB = 1024 * 1024;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    @Command(name = "prepare", mixinStandardHelpOptions = true,
            description = "Write OUT/cluster.yaml (BenchLab, N machines), OUT/data (render-data, the cluster's pki in data/pki,"
                    + " random kernel and initrd files where the install profile points) and OUT/macs.txt (the machines' MACs, iPXE's"
                    + " hexhyp form).")
    static final class Prepare implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "DIR")
        Path out;

        @Option(names = "--machines", defaultValue = "500")
        int machines;

        @Option(names = "--kernel-mb", defaultValue = "5")
        int kernelMb;

        @Option(names = "--initrd-mb", defaultValue = "30")
        int initrdMb;

        @Override
        public Integer call() throws IOException {
            Files.createDirectories(out);
            Path inventory = Files.writeString(out.resolve("cluster.yaml"), BenchLab.inventory(machines));
            Path data = out.resolve("data");
            if (!metalboot("render-data", "-c", inventory.toString(), "--out", data.toString())
                    || !metalboot("pki", "cluster", "-c", inventory.toString(), "--out", data.resolve("pki").toString())) {
                return 1;
            }
            BootStorm.Expected assets = assets(data);
            Random random = new Random(1);
            write(data.resolve(assets.kernelPath().substring(1)), kernelMb * MB, random);
            write(data.resolve(assets.initrdPath().substring(1)), initrdMb * MB, random);
            Files.write(out.resolve("macs.txt"), machines(data).stream().map(m -> m.mac().replace(':', '-')).toList());
            spec.commandLine().getOut().printf("%d machines in %s; kernel %s (%d MB), initrd %s (%d MB)%n", machines, out,
                    assets.kernelPath(), kernelMb, assets.initrdPath(), initrdMb);
            return 0;
        }

        /** Runs a metalboot command in this process; false (its output shown) when it fails. */
        private boolean metalboot(String... args) {
            StringWriter log = new StringWriter();
            int status = Main.commandLine().setOut(new PrintWriter(log)).setErr(new PrintWriter(log)).execute(args);
            if (status != 0) {
                spec.commandLine().getErr().println("metalboot " + String.join(" ", args) + " exited " + status + ":\n" + log);
            }
            return status == 0;
        }

        private static void write(Path file, long size, Random random) throws IOException {
            Files.createDirectories(file.getParent());
            byte[] block = new byte[(int) MB];
            try (OutputStream o = Files.newOutputStream(file)) {
                for (long left = size; left > 0; left -= block.length) {
                    random.nextBytes(block);
                    o.write(block, 0, (int) Math.min(block.length, left));
                }
            }
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Boot the first N machines of the data dir at once against the server, for each N; print a Markdown"
                    + " table with completion time, latencies, errors, and the server's CPU, memory and heap.")
    static final class Run implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--url", required = true, description = "The server, e.g. http://127.0.0.1:8080/")
        URI url;

        @Option(names = "--pid", required = true, description = "The server's process id (memory, CPU, heap).")
        long pid;

        @Option(names = "--data", required = true, paramLabel = "DIR", description = "The data dir the server serves.")
        Path data;

        @Option(names = "--machines", split = ",", defaultValue = "50,200,500")
        List<Integer> sizes;

        @Option(names = "--repeat", defaultValue = "1", paramLabel = "N",
                description = "Run each storm N times and print the spread (median, min-max) of the figures the targets use.")
        int repeat;

        @Option(names = "--profile", paramLabel = "FILE.jfr",
                description = "Record the server with JFR during the largest storm and sum up where its CPU went.")
        java.util.Optional<Path> profile;

        @Override
        public Integer call() throws Exception {
            return new StormReport(spec.commandLine().getOut(), new InetSocketAddress(url.getHost(), url.getPort()), pid, data,
                    assets(data), machines(data)).run(sizes, Math.max(1, repeat), profile);
        }
    }

    @Command(name = "profile", mixinStandardHelpOptions = true,
            description = "Print where the CPU samples of a JFR recording went: metalboot's parts, and the top methods.")
    static final class ProfileCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE.jfr")
        Path file;

        @Override
        public Integer call() throws IOException {
            StormReport.print(spec.commandLine().getOut(), Profile.read(file));
            return 0;
        }
    }

    /** The kernel and initrd the data dir's PXE profile boots, with the sizes of their files under assets/. */
    static BootStorm.Expected assets(Path data) throws IOException {
        var pxe = DataDir.load(data).profiles().values().stream().filter(p -> !p.kernel().isEmpty() && !p.initrd().isEmpty())
                .findFirst().orElseThrow(() -> new IOException(data + ": no profile with a kernel and an initrd"));
        String kernel = URI.create(pxe.kernel()).getPath();
        String initrd = URI.create(pxe.initrd().getFirst()).getPath();
        if (!kernel.startsWith("/assets/") || !initrd.startsWith("/assets/")) {
            throw new IOException(pxe.file() + ": kernel " + kernel + " and initrd " + initrd + " are not under /assets/");
        }
        return new BootStorm.Expected(kernel, size(data, kernel), initrd, size(data, initrd));
    }

    private static long size(Path data, String path) throws IOException {
        Path file = data.resolve(path.substring(1));
        return Files.exists(file) ? Files.size(file) : -1;
    }

    /** The machines with an installed group (selectors mac and os=installed), in group id order. */
    static List<BootStorm.Machine> machines(Path data) {
        return DataDir.load(data).groups().stream().filter(g -> g.selector().containsKey("mac")
                && "installed".equals(g.selector().get("os"))).map(BenchStormCommand::machine).toList();
    }

    private static BootStorm.Machine machine(Group g) {
        Object hostname = g.metadata().get("hostname");
        return new BootStorm.Machine(hostname == null ? g.id() : hostname.toString(), g.selector().get("mac"));
    }

}
