package io.metalboot.sim.shell;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/** The interactive loop: prompt, read a line (more with {@code > } while a construct is open), run it. */
final class Repl {
    private final Interp ip;
    private final LineDiscipline lines;

    Repl(Interp ip, LineDiscipline lines) {
        this.ip = ip;
        this.lines = lines;
    }

    int run() throws InterruptedException {
        Dialect d = ip.ctx.dialect();
        StringBuilder buffer = new StringBuilder();
        try {
            while (true) {
                PrintStream out = ip.io.out();
                out.print(buffer.isEmpty() ? d.prompt(ip.st.vars, ip.st.cwd) : "> ");
                out.flush();
                LineDiscipline.Result r;
                try {
                    r = lines.nextLine();
                } catch (IOException e) {
                    r = new LineDiscipline.Eof();
                }
                if (r instanceof LineDiscipline.Interrupt) {
                    buffer.setLength(0);
                    ip.st.status = 130;
                    continue;
                }
                boolean eof = r instanceof LineDiscipline.Eof;
                if (eof && buffer.isEmpty()) {
                    return ip.st.status;
                }
                if (r instanceof LineDiscipline.Line line) {
                    buffer.append(line.text()).append('\n');
                }
                List<Node> nodes;
                try {
                    nodes = Parser.parseAll(buffer.toString(), eof);
                } catch (SyntaxError e) {
                    if (e.incomplete() && !eof) {
                        continue;
                    }
                    ip.io.err().println(d.syntaxError(e));
                    ip.st.status = 2;
                    buffer.setLength(0);
                    if (eof) {
                        return 2;
                    }
                    continue;
                }
                buffer.setLength(0);
                runAll(nodes);
                if (eof) {
                    return ip.st.status;
                }
            }
        } catch (Flow.Exit e) {
            return e.status;
        } finally {
            Builtins.runExitTrap(ip);
        }
    }

    private void runAll(List<Node> nodes) throws InterruptedException {
        for (Node n : nodes) {
            try {
                ip.execute(n);
            } catch (Flow.Fatal e) {
                ip.st.status = e.status;
                return;
            } catch (Flow.Return | Flow.LoopControl e) {
                // outside a function or loop: ignored
            }
        }
    }
}
