package io.metalboot.sim.shell;

import static io.metalboot.sim.shell.ToolSupport.wrap;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** {@code sha256sum [-c] [FILE…]} and {@code md5sum}: {@code HASH  NAME} lines, {@code -} for stdin. */
final class Sha256Tool {
    private Sha256Tool() {
    }

    static void register(CommandTable t) {
        t.register("sha256sum", wrap("sha256sum", inv -> sum(inv, "SHA-256", "sha256sum")));
        t.register("md5sum", wrap("md5sum", inv -> sum(inv, "MD5", "md5sum")));
    }

    static String digest(String algorithm, byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JDK", e);
        }
    }

    private static int sum(Invocation inv, String algorithm, String tool) throws InterruptedException {
        ToolSupport.Opts o = ToolSupport.options(inv.operands(), "cbtswq", "", false);
        if (o.has('c')) {
            return check(inv, algorithm, tool, o);
        }
        int status = 0;
        for (String arg : ToolSupport.inputs(o.operands())) {
            try {
                inv.stdout().println(digest(algorithm, ToolSupport.input(inv, arg)) + "  " + arg);
            } catch (IOException e) {
                inv.stderr().println(tool + ": " + ToolSupport.cantOpen(inv, arg, e));
                status = 1;
            }
        }
        return status;
    }

    private static int check(Invocation inv, String algorithm, String tool, ToolSupport.Opts o) throws InterruptedException {
        int failed = 0;
        int checked = 0;
        int status = 0;
        for (String list : ToolSupport.inputs(o.operands())) {
            String text;
            try {
                text = ToolSupport.text(ToolSupport.input(inv, list));
            } catch (IOException e) {
                inv.stderr().println(tool + ": " + ToolSupport.cantOpen(inv, list, e));
                status = 1;
                continue;
            }
            for (String line : ToolSupport.lines(text)) {
                String[] parts = line.split(" [ *]", 2);
                if (parts.length < 2) {
                    continue;
                }
                String name = parts[1];
                checked++;
                boolean ok;
                try {
                    ok = digest(algorithm, ToolSupport.input(inv, name)).equalsIgnoreCase(parts[0].strip());
                } catch (IOException e) {
                    inv.stderr().println(tool + ": " + ToolSupport.cantOpen(inv, name, e));
                    ok = false;
                }
                if (!ok) {
                    failed++;
                }
                if (!o.has('s') && !(ok && o.has('q'))) {
                    inv.stdout().println(name + ": " + (ok ? "OK" : "FAILED"));
                }
            }
        }
        if (failed > 0) {
            inv.stderr().println(tool + ": WARNING: " + (ToolSupport.gnu(inv)
                    ? failed + " computed checksum" + (failed == 1 ? " did" : "s did")
                    : failed + " of " + checked + " computed checksums did") + " NOT match");
        }
        return failed > 0 ? 1 : status;
    }
}
