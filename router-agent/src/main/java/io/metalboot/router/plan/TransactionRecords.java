package io.metalboot.router.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the router remembers of metalboot's transactions: one record per backup directory still
 * kept ({@code STATE/backup/REV}), with who decided it ({@code confirm}, {@code revert},
 * {@code watchdog}, {@code abort}), its outcome line ({@code applied}, {@code reverted by …},
 * {@code revert-failed by …}, {@code released}, {@code lost-lock OWNER}), each empty while undecided,
 * and whether its watchdog started (a transaction cut off before that never changed anything).
 * Read in the same round trip as the configuration, so a later run settles what an interrupted
 * one could not report.
 */
public record TransactionRecords(List<Record> records) {
    /** One transaction the router still has a backup of. */
    public record Record(String transaction, Optional<String> decidedBy, Optional<String> outcome, boolean watched) {
    }

    public TransactionRecords {
        records = List.copyOf(records);
    }

    public static TransactionRecords none() {
        return new TransactionRecords(List.of());
    }

    public Optional<Record> find(String transaction) {
        return records.stream().filter(r -> r.transaction().equals(transaction)).findFirst();
    }

    /**
     * Whether {@code transaction} never left a record: none is kept for it, and it is not older than
     * every record kept (those are pruned oldest first, at most {@code kept} remain).
     */
    public boolean neverStarted(String transaction, int kept) {
        Optional<Record> found = find(transaction);
        if (found.isPresent()) {
            Record r = found.get();
            return !r.watched() && r.decidedBy().isEmpty() && r.outcome().isEmpty();
        }
        return records.size() < kept || records.stream().anyMatch(r -> r.transaction().compareTo(transaction) < 0);
    }

    /** The shell command that prints the records, one {@code REV|BY|OUTCOME|w} line each ({@code w}: the watchdog started). */
    static String command(RouterKind kind) {
        String dir = kind.stateDir() + "/backup";
        return "sh -c " + ReadScript.quote("for d in " + dir + "/*; do [ -d \"$d\" ] || continue; echo \"${d##*/}|$(head -n 1"
                + " \"$d/decided/by\" 2>/dev/null)|$(head -n 1 \"$d/outcome\" 2>/dev/null)|$([ -f \"$d/watchdog.pid\" ] && echo w)\"; done");
    }

    /** Parses {@link #command}'s output; lines that are not records are ignored. */
    static TransactionRecords parse(ReadOutput.Result result) {
        List<Record> out = new ArrayList<>();
        for (String line : result.output().lines().toList()) {
            String[] parts = line.split("\\|", 4);
            if (parts.length == 4 && parts[0].matches("[0-9A-Za-z-]+")) {
                out.add(new Record(parts[0], present(parts[1].split(" ")[0]), present(parts[2]), parts[3].strip().equals("w")));
            }
        }
        return new TransactionRecords(out);
    }

    /** The records in {@code out}, from a script built with {@link ReadScript#transactions}. */
    public static TransactionRecords of(ReadOutput out) {
        return parse(out.command("records"));
    }

    private static Optional<String> present(String s) {
        return s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }
}
