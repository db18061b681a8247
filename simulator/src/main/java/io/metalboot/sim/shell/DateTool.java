package io.metalboot.sim.shell;

import static io.metalboot.sim.shell.ToolSupport.wrap;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** {@code date [-u] [-d @EPOCH|'YYYY-MM-DD[ HH:MM[:SS]]'] [+FORMAT]}; routers run on UTC. */
final class DateTool {
    private DateTool() {
    }

    static void register(CommandTable t) {
        t.register("date", wrap("date", DateTool::date));
    }

    private static int date(Invocation inv) {
        ToolSupport.Opts o = ToolSupport.options(inv.operands(), "uR", "dD", false);
        ZonedDateTime when = ZonedDateTime.now(ZoneOffset.UTC);
        if (o.values().containsKey('d')) {
            when = parse(o.value('d', ""));
        }
        String format = "%a %b %e %H:%M:%S %Z %Y";
        for (String a : o.operands()) {
            if (!a.startsWith("+")) {
                throw new ToolSupport.Usage("invalid date '" + a + "'");
            }
            format = a.substring(1);
        }
        if (o.has('R')) {
            format = "%a, %d %b %Y %H:%M:%S %z";
        }
        inv.stdout().println(format(format, when));
        return 0;
    }

    private static ZonedDateTime parse(String text) {
        try {
            if (text.startsWith("@")) {
                return Instant.ofEpochSecond(Long.parseLong(text.substring(1).strip())).atZone(ZoneOffset.UTC);
            }
            for (String pattern : List.of("yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss")) {
                try {
                    return LocalDateTime.parse(text.strip(), DateTimeFormatter.ofPattern(pattern)).atZone(ZoneOffset.UTC);
                } catch (DateTimeParseException e) {
                    // try the next pattern
                }
            }
            return java.time.LocalDate.parse(text.strip()).atStartOfDay(ZoneOffset.UTC);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new ToolSupport.Usage("invalid date '" + text + "'");
        }
    }

    static String format(String format, ZonedDateTime t) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                out.append(c);
                continue;
            }
            char f = format.charAt(++i);
            out.append(switch (f) {
                case 'Y' -> String.valueOf(t.getYear());
                case 'y' -> String.format("%02d", t.getYear() % 100);
                case 'm' -> String.format("%02d", t.getMonthValue());
                case 'd' -> String.format("%02d", t.getDayOfMonth());
                case 'e' -> String.format("%2d", t.getDayOfMonth());
                case 'H' -> String.format("%02d", t.getHour());
                case 'M' -> String.format("%02d", t.getMinute());
                case 'S' -> String.format("%02d", t.getSecond());
                case 'N' -> String.format("%09d", t.getNano());
                case 's' -> String.valueOf(t.toEpochSecond());
                case 'j' -> String.format("%03d", t.getDayOfYear());
                case 'z' -> "+0000";
                case 'Z' -> "UTC";
                case 'a' -> t.format(DateTimeFormatter.ofPattern("EEE", Locale.ROOT));
                case 'A' -> t.format(DateTimeFormatter.ofPattern("EEEE", Locale.ROOT));
                case 'b', 'h' -> t.format(DateTimeFormatter.ofPattern("MMM", Locale.ROOT));
                case 'B' -> t.format(DateTimeFormatter.ofPattern("MMMM", Locale.ROOT));
                case 'F' -> format("%Y-%m-%d", t);
                case 'T' -> format("%H:%M:%S", t);
                case 'D' -> format("%m/%d/%y", t);
                case 'R' -> format("%H:%M", t);
                case 'u' -> String.valueOf(t.getDayOfWeek().getValue());
                case 'n' -> "\n";
                case 't' -> "\t";
                case '%' -> "%";
                default -> "%" + f;
            });
        }
        return out.toString();
    }
}
