package io.metalboot.sim.shell;

import io.metalboot.sim.shell.Node.Case;
import io.metalboot.sim.shell.Node.CaseItem;
import io.metalboot.sim.shell.Node.For;
import io.metalboot.sim.shell.Node.If;
import io.metalboot.sim.shell.Node.Loop;
import java.util.List;

/** {@code if}, {@code while}/{@code until}, {@code for} and {@code case} (with break/continue). */
final class ControlFlow {
    private ControlFlow() {
    }

    static int ifClause(Interp ip, If i) throws InterruptedException {
        for (Node.Branch b : i.branches()) {
            if (ip.quietly(b.condition()) == 0) {
                return ip.execute(b.body());
            }
        }
        return i.otherwise().isPresent() ? ip.execute(i.otherwise().get()) : 0;
    }

    static int loop(Interp ip, Loop l) throws InterruptedException {
        int status = 0;
        while (true) {
            ip.checkKilled();
            if ((ip.quietly(l.condition()) == 0) == l.until()) {
                return status;
            }
            try {
                status = ip.execute(l.body());
            } catch (Flow.LoopControl c) {
                if (c.levels > 1) {
                    c.levels--;
                    throw c;
                }
                if (c.isBreak) {
                    return status;
                }
            }
        }
    }

    static int forClause(Interp ip, For f) throws InterruptedException {
        List<String> items = f.words().isPresent() ? ip.expander.fields(f.words().get()) : List.copyOf(ip.st.positional);
        int status = 0;
        for (String item : items) {
            ip.checkKilled();
            ip.st.set(f.name(), item);
            try {
                status = ip.execute(f.body());
            } catch (Flow.LoopControl c) {
                if (c.levels > 1) {
                    c.levels--;
                    throw c;
                }
                if (c.isBreak) {
                    break;
                }
            }
        }
        return status;
    }

    static int caseClause(Interp ip, Case c) throws InterruptedException {
        String subject = ip.expander.string(c.subject());
        for (CaseItem item : c.items()) {
            for (Word pattern : item.patterns()) {
                if (Glob.matches(ip.expander.pattern(pattern), subject)) {
                    return item.body().isPresent() ? ip.execute(item.body().get()) : 0;
                }
            }
        }
        return 0;
    }
}
