package io.metalboot.sim.shell;

import static io.metalboot.sim.shell.ToolSupport.wrap;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** true false echo basename dirname hostname id whoami uname logger sync seq. */
final class MiscTools {
    private MiscTools() {
    }

    static void register(CommandTable t) {
        t.register("true", inv -> 0);
        t.register("false", inv -> 1);
        t.register("echo", wrap("echo", MiscTools::echo));
        t.register("printf", wrap("printf", PrintfTool::printf));
        t.register("basename", wrap("basename", inv -> line(inv, basename(inv))));
        t.register("dirname", wrap("dirname", inv -> line(inv, dirname(operand(inv)))));
        t.register("hostname", wrap("hostname", inv -> line(inv, host(inv))));
        t.register("whoami", wrap("whoami", inv -> line(inv, user(inv))));
        t.register("id", wrap("id", MiscTools::id));
        t.register("uname", wrap("uname", MiscTools::uname));
        t.register("logger", wrap("logger", MiscTools::logger));
        t.register("sync", inv -> 0);
        t.register("seq", wrap("seq", MiscTools::seq));
    }

    private static int line(Invocation inv, String text) {
        inv.stdout().println(text);
        return 0;
    }

    private static String operand(Invocation inv) {
        if (inv.operands().isEmpty()) {
            throw new ToolSupport.Usage("missing operand");
        }
        return inv.operands().get(0);
    }

    static String host(Invocation inv) {
        return inv.env().getOrDefault("HOSTNAME", "OpenWrt");
    }

    private static String user(Invocation inv) {
        return inv.env().getOrDefault("USER", "root");
    }

    private static int echo(Invocation inv) {
        List<String> args = inv.operands();
        boolean newline = true;
        boolean escapes = false;
        int i = 0;
        for (; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.matches("-[neE]+")) {
                break;
            }
            newline &= !a.contains("n");
            escapes = a.contains("e") || (escapes && !a.contains("E"));
        }
        String text = String.join(" ", args.subList(i, args.size()));
        if (escapes) {
            StringBuilder out = new StringBuilder();
            if (!Escapes.apply(text, out, true)) {
                newline = false;
            }
            text = out.toString();
        }
        inv.stdout().print(newline ? text + "\n" : text);
        inv.stdout().flush();
        return 0;
    }

    private static String basename(Invocation inv) {
        String name = operand(inv);
        String stripped = name.replaceAll("/+$", "");
        if (stripped.isEmpty()) {
            return name.isEmpty() ? "" : "/";
        }
        String base = stripped.substring(stripped.lastIndexOf('/') + 1);
        if (inv.operands().size() > 1 && base.endsWith(inv.operands().get(1)) && !base.equals(inv.operands().get(1))) {
            base = base.substring(0, base.length() - inv.operands().get(1).length());
        }
        return base;
    }

    static String dirname(String name) {
        String stripped = name.replaceAll("/+$", "");
        if (stripped.isEmpty()) {
            return name.startsWith("/") ? "/" : ".";
        }
        int slash = stripped.lastIndexOf('/');
        if (slash < 0) {
            return ".";
        }
        String dir = stripped.substring(0, slash).replaceAll("/+$", "");
        return dir.isEmpty() ? "/" : dir;
    }

    private static int id(Invocation inv) {
        String user = user(inv);
        boolean root = user.equals("root");
        int uid = root ? 0 : 1000;
        String group = root ? "root" : "users";
        int gid = root ? 0 : 100;
        ToolSupport.Opts o = ToolSupport.options(inv.operands(), "ungG", "", false);
        if (o.has('u')) {
            return line(inv, o.has('n') ? user : String.valueOf(uid));
        }
        if (o.has('g')) {
            return line(inv, o.has('n') ? group : String.valueOf(gid));
        }
        return line(inv, "uid=" + uid + "(" + user + ") gid=" + gid + "(" + group + ") groups=" + gid + "(" + group + ")");
    }

    private static int uname(Invocation inv) {
        boolean edgeos = ToolSupport.gnu(inv);
        String release = edgeos ? "4.9.79-UBNT" : "5.15.167";
        String version = edgeos ? "#1 SMP Thu Jun 27 12:00:00 UTC 2024" : "#0 SMP Mon Sep 23 12:34:56 2024";
        String machine = edgeos ? "mips64" : "mips";
        ToolSupport.Opts o = ToolSupport.options(inv.operands(), "asnrvmo", "", false);
        List<String> parts = new ArrayList<>();
        boolean all = o.has('a');
        if (all || o.has('s') || o.flags().isEmpty()) {
            parts.add("Linux");
        }
        if (all || o.has('n')) {
            parts.add(host(inv));
        }
        if (all || o.has('r')) {
            parts.add(release);
        }
        if (all || o.has('v')) {
            parts.add(version);
        }
        if (all || o.has('m')) {
            parts.add(machine);
        }
        if (all || o.has('o')) {
            parts.add("GNU/Linux");
        }
        return line(inv, String.join(" ", parts));
    }

    private static int logger(Invocation inv) throws IOException, InterruptedException {
        ToolSupport.Opts o = ToolSupport.options(inv.operands(), "si", "tp", false);
        String message = o.operands().isEmpty() ? ToolSupport.text(ToolSupport.readAll(inv.stdin())).strip()
                : String.join(" ", o.operands());
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("MMM d HH:mm:ss", Locale.ROOT));
        String tag = o.value('t', user(inv));
        String entry = stamp + " " + host(inv) + " " + tag + ": " + message + "\n";
        inv.fs().mkdir("/var/log", true);
        try (OutputStream out = inv.fs().open("/var/log/messages", true)) {
            out.write(entry.getBytes(StandardCharsets.UTF_8));
        }
        if (o.has('s')) {
            inv.stderr().print(tag + ": " + message + "\n");
        }
        return 0;
    }

    private static int seq(Invocation inv) {
        ToolSupport.Opts o = ToolSupport.options(inv.operands(), "w", "s", false);
        List<String> n = o.operands();
        if (n.isEmpty() || n.size() > 3) {
            throw new ToolSupport.Usage("usage: seq [-s SEP] [FIRST [INC]] LAST");
        }
        long first = n.size() > 1 ? ToolSupport.number("seq", n.get(0)) : 1;
        long inc = n.size() == 3 ? ToolSupport.number("seq", n.get(1)) : 1;
        long last = ToolSupport.number("seq", n.get(n.size() - 1));
        if (inc == 0) {
            throw new ToolSupport.Usage("invalid Zero increment value: '0'");
        }
        StringBuilder out = new StringBuilder();
        String sep = o.value('s', "\n");
        for (long v = first; inc > 0 ? v <= last : v >= last; v += inc) {
            out.append(out.isEmpty() ? "" : sep).append(v);
        }
        if (!out.isEmpty()) {
            inv.stdout().print(out + "\n");
        }
        return 0;
    }
}
