package io.metalboot.router.transaction;

import java.util.Optional;

/** Reads the lock owner the begin script printed and says who holds the lock and for how long. */
final class LockMessage {
    private LockMessage() {
    }

    /** "router lock DIR is held by OWNER since N s; ..." from the begin script's output. */
    static String held(Transaction.Options options, String stdout, String marker) {
        String owner = owner(stdout, marker + "locked");
        String[] words = owner.split(" ");
        Optional<Long> since = Optional.empty();
        Optional<Long> now = stdout.lines().filter(l -> l.startsWith(marker + "now ")).findFirst()
                .map(l -> l.substring((marker + "now ").length()).strip()).filter(w -> w.matches("[0-9]+")).map(Long::parseLong);
        if (words.length >= 3 && words[words.length - 1].matches("[0-9]+")) {
            since = Optional.of(Long.parseLong(words[words.length - 1]));
            owner = String.join(" ", java.util.Arrays.copyOf(words, words.length - 1));
        }
        String age = since.isPresent() && now.isPresent() ? " for " + Math.max(0, now.get() - since.get()) + " s" : "";
        return "the router is locked by another apply: " + (owner.isEmpty() ? "(no owner recorded)" : owner) + age
                + "; nothing was changed. Wait for it to finish, or if it died, run apply again with --break-lock";
    }

    /** The first line after the marker line {@code mark} (the lock's owner file). */
    static String owner(String stdout, String mark) {
        return after(stdout, mark).lines().findFirst().orElse("").strip();
    }

    /** What the script printed after the marker line {@code mark}, up to the next marker. */
    static String after(String stdout, String mark) {
        int at = stdout.indexOf(mark + "\n");
        if (at < 0) {
            return "";
        }
        String rest = stdout.substring(at + mark.length() + 1);
        int next = rest.indexOf("@@mb-");
        return next < 0 ? rest : rest.substring(0, next);
    }
}
