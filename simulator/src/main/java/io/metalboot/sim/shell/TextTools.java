package io.metalboot.sim.shell;

import static io.metalboot.sim.shell.ToolSupport.wrap;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/** head tail wc cut tr tee (grep: {@link GrepTool}). */
final class TextTools {
    private TextTools() {
    }

    static void register(CommandTable t) {
        t.register("head", wrap("head", TextTools::head));
        t.register("tail", wrap("tail", TextTools::tail));
        t.register("wc", wrap("wc", TextTools::wc));
        t.register("cut", wrap("cut", CutTr::cut));
        t.register("tr", wrap("tr", CutTr::tr));
        t.register("tee", wrap("tee", TextTools::tee));
        t.register("grep", wrap("grep", GrepTool::grep));
    }

    /** Opens an input operand as a stream (stdin for {@code -}), to read only what is needed. */
    static InputStream open(Invocation inv, String arg) throws IOException, InterruptedException {
        return arg.equals("-") ? inv.stdin() : new ByteArrayInputStream(ToolSupport.input(inv, arg));
    }

    /** One line including its newline (if any); null at end of input. */
    static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            line.write(c);
            if (c == '\n') {
                break;
            }
        }
        return line.size() == 0 ? null : line.toByteArray();
    }

    /** head/tail: "cannot open 'x' for reading: …" (coreutils) or "x: …" (busybox). */
    private static String readError(Invocation inv, String arg, IOException e) {
        return ToolSupport.gnu(inv) ? "cannot open '" + arg + "' for reading: " + Errno.of(e) : arg + ": " + Errno.of(e);
    }

    private static int head(Invocation inv) throws IOException, InterruptedException {
        ToolSupport.Opts o = ToolSupport.options(inv.operands(), "qv", "nc", true);
        int n = ToolSupport.number("head", o.value('n', "10"));
        int status = 0;
        for (String arg : ToolSupport.inputs(o.operands())) {
            try {
                InputStream in = arg.equals("-") ? inv.stdin() : new BufferedInputStream(open(inv, arg));
                if (o.values().containsKey('c')) {
                    byte[] b = in.readNBytes(ToolSupport.number("head", o.value('c', "0")));
                    inv.stdout().write(b, 0, b.length);
                    continue;
                }
                for (int i = 0; i < n; i++) {
                    byte[] line = readLine(in);
                    if (line == null) {
                        break;
                    }
                    inv.stdout().write(line, 0, line.length);
                }
            } catch (IOException e) {
                inv.stderr().println("head: " + readError(inv, arg, e));
                status = 1;
            }
        }
        inv.stdout().flush();
        return status;
    }

    private static int tail(Invocation inv) throws IOException, InterruptedException {
        ToolSupport.Opts o = ToolSupport.options(inv.operands(), "qvfF", "nc", true);
        String count = o.value('n', "10");
        int status = 0;
        for (String arg : ToolSupport.inputs(o.operands())) {
            try {
                String text = ToolSupport.text(ToolSupport.input(inv, arg));
                List<String> lines = ToolSupport.lines(text);
                int from = count.startsWith("+") ? ToolSupport.number("tail", count.substring(1)) - 1
                        : lines.size() - ToolSupport.number("tail", count);
                List<String> shown = lines.subList(Math.max(0, Math.min(from, lines.size())), lines.size());
                String out = String.join("\n", shown) + (text.endsWith("\n") && !shown.isEmpty() ? "\n" : "");
                inv.stdout().print(out);
                inv.stdout().flush();
            } catch (IOException e) {
                inv.stderr().println("tail: " + readError(inv, arg, e));
                status = 1;
            }
        }
        return status;
    }

    private static int wc(Invocation inv) throws InterruptedException {
        ToolSupport.Opts o = ToolSupport.options(inv.operands(), "lcwm", "", false);
        boolean all = o.flags().isEmpty();
        int status = 0;
        for (String arg : ToolSupport.inputs(o.operands())) {
            try {
                byte[] data = ToolSupport.input(inv, arg);
                String text = ToolSupport.text(data);
                List<Long> counts = new ArrayList<>();
                if (all || o.has('l')) {
                    counts.add(text.chars().filter(c -> c == '\n').count());
                }
                if (all || o.has('w')) {
                    counts.add((long) (text.isBlank() ? 0 : text.strip().split("\\s+").length));
                }
                if (all || o.has('c') || o.has('m')) {
                    counts.add(o.has('m') ? (long) text.length() : (long) data.length);
                }
                StringBuilder line = new StringBuilder();
                String width = !ToolSupport.gnu(inv) ? "%9d" : arg.equals("-") ? "%7d" : "%" + String.valueOf(data.length).length() + "d";
                for (Long c : counts) {
                    line.append(counts.size() == 1 ? String.valueOf(c) : String.format(width, c));
                    line.append(counts.size() == 1 ? "" : " ");
                }
                String shown = line.toString().stripTrailing();
                inv.stdout().println(arg.equals("-") ? shown : shown + " " + arg);
            } catch (IOException e) {
                inv.stderr().println("wc: " + arg + ": " + Errno.of(e));
                status = 1;
            }
        }
        return status;
    }

    private static int tee(Invocation inv) throws IOException {
        ToolSupport.Opts o = ToolSupport.options(inv.operands(), "ai", "", false);
        List<OutputStream> outs = new ArrayList<>();
        int status = 0;
        for (String arg : o.operands()) {
            try {
                outs.add(ToolSupport.isNull(inv, arg) ? OutputStream.nullOutputStream() : inv.fs().open(ToolSupport.path(inv, arg), o.has('a')));
            } catch (IOException e) {
                inv.stderr().println("tee: " + arg + ": " + Errno.of(e));
                status = 1;
            }
        }
        try {
            byte[] buf = new byte[8192];
            int n;
            while ((n = inv.stdin().read(buf)) > 0) {
                inv.stdout().write(buf, 0, n);
                inv.stdout().flush();
                for (OutputStream out : outs) {
                    out.write(buf, 0, n);
                }
            }
        } finally {
            for (OutputStream out : outs) {
                out.close();
            }
        }
        return status;
    }
}
