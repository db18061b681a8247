package io.metalboot.sim.shell;

import static io.metalboot.sim.shell.ToolSupport.wrap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/** sleep kill pidof pgrep ps: over the router's process table. */
final class ProcTools {
    private ProcTools() {
    }

    static void register(CommandTable t) {
        t.register("sleep", wrap("sleep", ProcTools::sleep));
        t.register("kill", ProcTools::kill);
        t.register("pidof", wrap("pidof", ProcTools::pidof));
        t.register("pgrep", wrap("pgrep", ProcTools::pgrep));
        t.register("ps", wrap("ps", ProcTools::ps));
    }

    private static int sleep(Invocation inv) throws InterruptedException {
        if (inv.operands().isEmpty()) {
            throw new ToolSupport.Usage("missing operand");
        }
        double seconds = 0;
        for (String a : inv.operands()) {
            double unit = a.endsWith("m") ? 60 : a.endsWith("h") ? 3600 : a.endsWith("d") ? 86400 : 1;
            String number = a.replaceFirst("[smhd]$", "");
            try {
                seconds += Double.parseDouble(number) * unit;
            } catch (NumberFormatException e) {
                throw new ToolSupport.Usage("invalid number '" + a + "'");
            }
        }
        Thread.sleep((long) (seconds * 1000));
        return 0;
    }

    /** {@code kill [-TERM|-15|-9|-KILL|-s SIG|-0] PID…}; every signal but 0 stops the process. */
    private static int kill(Invocation inv) {
        List<String> args = new ArrayList<>(inv.operands());
        boolean probe = false;
        while (!args.isEmpty() && args.get(0).startsWith("-") && args.get(0).length() > 1) {
            String a = args.remove(0);
            if (a.equals("--")) {
                break;
            }
            if (a.equals("-s") && !args.isEmpty()) {
                a = "-" + args.remove(0);
            }
            probe = a.equals("-0");
        }
        boolean bash = ToolSupport.gnu(inv);
        if (args.isEmpty()) {
            inv.stderr().println(bash ? "bash: kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]"
                    : "sh: kill: usage: kill [-s SIGNAL | -SIGNAL] PID...");
            return bash ? 2 : 1;
        }
        int status = 0;
        for (String a : args) {
            int pid;
            try {
                pid = Integer.parseInt(a);
            } catch (NumberFormatException e) {
                inv.stderr().println(bash ? "bash: kill: " + a + ": arguments must be process or job IDs" : "sh: kill: invalid number '" + a + "'");
                status = 1;
                continue;
            }
            boolean ok = probe ? inv.processes().find(pid).isPresent() : inv.processes().kill(pid);
            if (!ok) {
                inv.stderr().println(bash ? "bash: kill: (" + pid + ") - No such process" : "sh: can't kill pid " + pid + ": No such process");
                status = 1;
            }
        }
        return status;
    }

    private static String name(Processes.Info p) {
        String first = p.commandLine().split(" ", 2)[0];
        return first.substring(first.lastIndexOf('/') + 1);
    }

    private static int pidof(Invocation inv) {
        ToolSupport.Opts o = ToolSupport.options(inv.operands(), "s", "o", false);
        List<Integer> pids = inv.processes().list().stream().filter(p -> o.operands().contains(name(p)))
                .map(Processes.Info::pid).sorted(Comparator.reverseOrder()).toList();
        if (pids.isEmpty()) {
            return 1;
        }
        List<Integer> shown = o.has('s') ? pids.subList(0, 1) : pids;
        inv.stdout().println(String.join(" ", shown.stream().map(String::valueOf).toList()));
        return 0;
    }

    private static int pgrep(Invocation inv) {
        ToolSupport.Opts o = ToolSupport.options(inv.operands(), "flxn", "P", false);
        if (o.operands().isEmpty()) {
            throw new ToolSupport.Usage("no matching criteria specified");
        }
        Pattern re = Regex.compile(o.operands().get(0), true, false);
        List<Processes.Info> matches = inv.processes().list().stream().filter(p -> p.pid() != inv.pid()).filter(p -> {
            String subject = o.has('f') ? p.commandLine() : name(p);
            return o.has('x') ? re.matcher(subject).matches() : re.matcher(subject).find();
        }).sorted(Comparator.comparingInt(Processes.Info::pid)).toList();
        for (Processes.Info p : matches) {
            inv.stdout().println(o.has('l') ? p.pid() + " " + name(p) : String.valueOf(p.pid()));
        }
        return matches.isEmpty() ? 1 : 0;
    }

    private static int ps(Invocation inv) {
        String user = inv.env().getOrDefault("USER", "root");
        boolean gnu = ToolSupport.gnu(inv);
        inv.stdout().println(gnu ? "UID        PID  PPID  C STIME TTY          TIME CMD" : "  PID USER       VSZ STAT COMMAND");
        for (Processes.Info p : inv.processes().list()) {
            inv.stdout().println(gnu ? String.format("%-8s %5d %5d  0 00:00 ?        00:00:00 %s", user, p.pid(), p.parentPid(), p.commandLine())
                    : String.format("%5d %-8s %6d %-4s %s", p.pid(), user, 1024, "S", p.commandLine()));
        }
        return 0;
    }
}
