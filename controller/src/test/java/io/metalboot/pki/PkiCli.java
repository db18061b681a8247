package io.metalboot.pki;

import io.metalboot.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/** Runs {@code metalboot} in-process and captures what it prints. */
record PkiCli(int exitCode, String out, String err) {
    static final Path SEED = Path.of("src/test/resources/pki/seed");

    static PkiCli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new PkiCli(code, out.toString(), err.toString());
    }

    /** Like run, and fails the test unless it exits 0. */
    static PkiCli ok(String... args) {
        PkiCli r = run(args);
        if (r.exitCode() != 0) {
            throw new AssertionError("metalboot " + String.join(" ", args) + " exited " + r.exitCode() + ": " + r.err());
        }
        return r;
    }

    /**
     * The seed's steps in {@code dir}: its JSON files copied in, then the four cfssl commands
     * (-initca, then server, client, client) written as `cfssljson -bare NAME` would.
     */
    static void seedSteps(Path dir) throws java.io.IOException {
        for (String f : List.of("ca-csr.json", "ca-config.json", "apiserver-csr.json", "worker-csr.json", "admin-csr.json")) {
            Files.copy(SEED.resolve(f), dir.resolve(f));
        }
        String d = dir + "/";
        ok("pki", "gencert", "-initca", d + "ca-csr.json", "-bare", d + "ca");
        ok("pki", "gencert", "-ca=" + d + "ca.pem", "-ca-key=" + d + "ca-key.pem", "-config=" + d + "ca-config.json",
                "-profile=server", d + "apiserver-csr.json", "-bare", d + "apiserver");
        ok("pki", "gencert", "-ca=" + d + "ca.pem", "-ca-key=" + d + "ca-key.pem", "-config=" + d + "ca-config.json",
                "-profile=client", d + "worker-csr.json", "-bare", d + "worker");
        ok("pki", "gencert", "-ca=" + d + "ca.pem", "-ca-key=" + d + "ca-key.pem", "-config=" + d + "ca-config.json",
                "-profile=client", d + "admin-csr.json", "-bare", d + "admin");
    }
}
