package io.metalboot.sim.openwrt;

import io.metalboot.sim.shell.Command;
import io.metalboot.sim.shell.Invocation;
import java.io.IOException;
import java.util.List;

/**
 * {@code /sbin/logread}: prints the system log; {@code -e PATTERN} keeps lines containing the
 * pattern (ubox matches a regular expression; a plain substring covers what scripts grep for),
 * {@code -l N} keeps the last N lines.
 */
final class LogreadCommand implements Command {
    @Override
    public int run(Invocation invocation) {
        List<String> args = invocation.operands();
        String pattern = "";
        int last = Integer.MAX_VALUE;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if ((arg.equals("-e") || arg.equals("-l")) && i + 1 < args.size()) {
                String value = args.get(++i);
                if (arg.equals("-e")) {
                    pattern = value;
                } else if (value.matches("\\d{1,9}")) {
                    last = Integer.parseInt(value);
                }
            } else {
                invocation.stderr().print("Usage: " + invocation.args().get(0) + " [options]\n"
                        + "Options:\n"
                        + "    -l\t<count>\t\t\tGot only the last 'count' messages\n"
                        + "    -e\t<pattern>\t\tFilter messages with a regexp\n");
                return 1;
            }
        }
        List<String> lines;
        try {
            lines = invocation.fs().exists(SysLog.PATH) ? invocation.fs().read(SysLog.PATH).lines().toList() : List.of();
        } catch (IOException e) {
            lines = List.of();
        }
        String filter = pattern;
        List<String> kept = lines.stream().filter(line -> line.contains(filter)).toList();
        kept.subList(Math.max(0, kept.size() - last), kept.size()).forEach(line -> invocation.stdout().print(line + "\n"));
        invocation.stdout().flush();
        return 0;
    }
}
