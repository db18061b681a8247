package io.metalboot.sim.shell;

import static io.metalboot.sim.shell.ToolSupport.gnu;
import static io.metalboot.sim.shell.ToolSupport.path;
import static io.metalboot.sim.shell.ToolSupport.wrap;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** ls, chmod, mktemp. */
final class ListTools {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private ListTools() {
    }

    static void register(CommandTable t) {
        t.register("ls", wrap("ls", ListTools::ls));
        t.register("chmod", wrap("chmod", ListTools::chmod));
        t.register("mktemp", wrap("mktemp", ListTools::mktemp));
    }

    private static int ls(Invocation inv) throws IOException {
        ToolSupport.Opts o = ToolSupport.options(inv.operands(), "1laAdhtr", "", false);
        List<String> args = o.operands().isEmpty() ? List.of(".") : o.operands();
        int status = 0;
        for (String arg : args) {
            String p = path(inv, arg);
            if (!inv.fs().exists(p)) {
                inv.stderr().println("ls: " + (gnu(inv) ? "cannot access '" + arg + "'" : arg) + ": " + Errno.ENOENT);
                status = gnu(inv) ? 2 : 1;
                continue;
            }
            if (inv.fs().isDirectory(p) && !o.has('d')) {
                if (args.size() > 1) {
                    inv.stdout().println(arg + ":");
                }
                List<String> names = new java.util.ArrayList<>(inv.fs().list(p));
                if (o.has('a')) {
                    names.addAll(0, List.of(".", ".."));
                }
                for (String name : names) {
                    if (!name.startsWith(".") || o.has('a') || o.has('A')) {
                        inv.stdout().println(o.has('l') ? long_(inv, p + "/" + name, name) : name);
                    }
                }
            } else {
                inv.stdout().println(o.has('l') ? long_(inv, p, arg) : arg);
            }
        }
        return status;
    }

    private static String long_(Invocation inv, String path, String shown) throws IOException {
        Path host = inv.fs().resolve(path);
        String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(host));
        String user = inv.env().getOrDefault("USER", "root");
        return String.format("%s%s %4d %-8s %-8s %8d %s %s", Files.isDirectory(host) ? "d" : "-", perms, 1, user, user,
                Files.size(host), STAMP.format(Files.getLastModifiedTime(host).toInstant()), shown);
    }

    private static int chmod(Invocation inv) throws IOException {
        List<String> args = inv.operands().stream().filter(a -> !a.equals("-R")).toList();
        if (args.size() < 2) {
            throw new ToolSupport.Usage("missing operand");
        }
        String mode = args.get(0);
        int status = 0;
        for (String arg : args.subList(1, args.size())) {
            Path host = inv.fs().resolve(path(inv, arg));
            if (!Files.exists(host)) {
                inv.stderr().println("chmod: " + (gnu(inv) ? "cannot access '" + arg + "'" : arg) + ": " + Errno.ENOENT);
                status = 1;
                continue;
            }
            Files.setPosixFilePermissions(host, apply(mode, Files.getPosixFilePermissions(host)));
        }
        return status;
    }

    /** Octal ({@code 755}) or symbolic ({@code +x}, {@code u+rwx,go-w}) modes. */
    static Set<PosixFilePermission> apply(String mode, Set<PosixFilePermission> current) {
        PosixFilePermission[] all = PosixFilePermission.values();
        if (mode.matches("[0-7]{1,4}")) {
            int bits = Integer.parseInt(mode, 8);
            Set<PosixFilePermission> result = EnumSet.noneOf(PosixFilePermission.class);
            for (int i = 0; i < 9; i++) {
                if ((bits & (1 << (8 - i))) != 0) {
                    result.add(all[i]);
                }
            }
            return result;
        }
        Set<PosixFilePermission> result = current.isEmpty() ? EnumSet.noneOf(PosixFilePermission.class) : EnumSet.copyOf(current);
        for (String clause : mode.split(",")) {
            if (!clause.matches("[ugoa]*[-+=][rwx]*")) {
                throw new ToolSupport.Usage("invalid mode: '" + mode + "'");
            }
            String who = clause.replaceAll("[-+=].*", "");
            who = who.isEmpty() || who.contains("a") ? "ugo" : who;
            char op = clause.charAt(clause.replaceAll("[-+=].*", "").length());
            String what = clause.substring(clause.indexOf(op) + 1);
            for (char w : who.toCharArray()) {
                int base = "ugo".indexOf(w) * 3;
                for (int i = 0; i < 3; i++) {
                    boolean named = what.indexOf("rwx".charAt(i)) >= 0;
                    if (op == '=' || named) {
                        if (op == '-' || (op == '=' && !named)) {
                            result.remove(all[base + i]);
                        } else {
                            result.add(all[base + i]);
                        }
                    }
                }
            }
        }
        return result;
    }

    private static int mktemp(Invocation inv) throws IOException {
        ToolSupport.Opts o = ToolSupport.options(inv.operands(), "dqu", "p", false);
        String template = o.operands().isEmpty() ? "tmp.XXXXXXXXXX" : o.operands().get(0);
        String dir = template.contains("/") ? "" : o.value('p', "/tmp") + "/";
        for (int attempt = 0; attempt < 100; attempt++) {
            StringBuilder name = new StringBuilder(template);
            for (int i = name.length() - 1; i >= 0 && name.charAt(i) == 'X'; i--) {
                name.setCharAt(i, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".charAt(ThreadLocalRandom.current().nextInt(62)));
            }
            String p = path(inv, dir + name);
            if (inv.fs().exists(p)) {
                continue;
            }
            if (o.has('d')) {
                inv.fs().mkdir(p, false);
            } else {
                try (OutputStream out = inv.fs().open(p, false)) {
                    out.flush();
                }
            }
            inv.stdout().println(p);
            return 0;
        }
        throw new ToolSupport.Usage("failed to create a unique name from '" + template + "'");
    }
}
