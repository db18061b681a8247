package io.metalboot.sim.shell;

import io.metalboot.sim.shell.Word.Arith;
import io.metalboot.sim.shell.Word.CmdSub;
import io.metalboot.sim.shell.Word.Lit;
import io.metalboot.sim.shell.Word.Param;
import io.metalboot.sim.shell.Word.Part;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Word expansion: parameters, substitutions, arithmetic, tilde, field splitting, pathname expansion. */
final class Expander {
    private final Interp ip;

    Expander(Interp ip) {
        this.ip = ip;
    }

    /** Command arguments: each word may become zero or more fields. */
    List<String> fields(List<Word> words) throws InterruptedException {
        List<String> out = new ArrayList<>();
        for (Word w : words) {
            Fields acc = new Fields(out);
            List<Part> parts = tilde(w.parts());
            for (Part p : parts) {
                if (p instanceof Lit lit) {
                    acc.literal(lit.text(), lit.quoted());
                } else if (p instanceof Param param && param.name().equals("@") && param.op().isEmpty() && param.quoted()) {
                    for (int i = 0; i < ip.st.positional.size(); i++) {
                        if (i > 0) {
                            acc.emit();
                        }
                        acc.literal(ip.st.positional.get(i), true);
                    }
                } else if (p.quoted()) {
                    acc.literal(value(p), true);
                } else if (p instanceof Param param && alternative(param).isPresent()) {
                    for (Part inner : alternative(param).get().parts()) {
                        if (inner instanceof Lit lit) {
                            acc.literal(lit.text(), lit.quoted());
                        } else if (inner.quoted()) {
                            acc.literal(value(inner), true);
                        } else {
                            acc.split(value(inner));
                        }
                    }
                } else {
                    acc.split(value(p));
                }
            }
            if (acc.has) {
                acc.emit();
            }
        }
        return out;
    }

    /**
     * For an unquoted {@code ${x:-word}} / {@code ${x:+word}} whose word is used: that word, so its
     * own quotes protect it from splitting ({@code ${x:-'a  b'}} stays one field).
     */
    private Optional<Word> alternative(Param p) {
        String op = p.op();
        if (!(op.equals(":-") || op.equals("-") || op.equals(":+") || op.equals("+"))) {
            return Optional.empty();
        }
        Optional<String> v = lookup(p.name());
        boolean missing = v.isEmpty() || (op.startsWith(":") && v.get().isEmpty());
        boolean useArg = op.endsWith("-") == missing;
        return useArg ? p.arg() : Optional.empty();
    }

    /** A word expanded without splitting or globbing (assignments, redirections, here-docs, case). */
    String string(Word w) throws InterruptedException {
        StringBuilder b = new StringBuilder();
        for (Part p : tilde(w.parts())) {
            b.append(p instanceof Lit lit ? lit.text() : value(p));
        }
        return b.toString();
    }

    /** A word as a shell pattern: quoted characters (and quoted expansions) match literally. */
    String pattern(Word w) throws InterruptedException {
        StringBuilder b = new StringBuilder();
        for (Part p : w.parts()) {
            String text = p instanceof Lit lit ? lit.text() : value(p);
            b.append(p.quoted() || (p instanceof Lit lit && lit.quoted()) ? Glob.escape(text) : text);
        }
        return b.toString();
    }

    private List<Part> tilde(List<Part> parts) {
        if (!parts.isEmpty() && parts.get(0) instanceof Lit lit && !lit.quoted()
                && (lit.text().equals("~") || lit.text().startsWith("~/"))) {
            List<Part> copy = new ArrayList<>(parts);
            copy.set(0, new Lit(ip.st.get("HOME").orElse("/") + lit.text().substring(1), true));
            return copy;
        }
        return parts;
    }

    private String value(Part p) throws InterruptedException {
        return switch (p) {
            case Lit lit -> lit.text();
            case Param param -> param(param);
            case CmdSub sub -> ip.substitute(sub.source());
            case Arith arith -> arithmetic(arith.expression());
        };
    }

    private Optional<String> lookup(String name) {
        ShellState st = ip.st;
        return switch (name) {
            case "?" -> Optional.of(String.valueOf(st.status));
            case "$" -> Optional.of(String.valueOf(st.shellPid));
            case "!" -> st.lastBackground.map(String::valueOf);
            case "#" -> Optional.of(String.valueOf(st.positional.size()));
            case "@", "*" -> Optional.of(String.join(name.equals("*") ? ifsFirst() : " ", st.positional));
            case "-" -> Optional.of(st.flags());
            case "0" -> Optional.of(st.arg0);
            default -> {
                if (Character.isDigit(name.charAt(0))) {
                    int n = Integer.parseInt(name);
                    yield n <= st.positional.size() ? Optional.of(st.positional.get(n - 1)) : Optional.empty();
                }
                yield st.get(name);
            }
        };
    }

    private String ifsFirst() {
        String ifs = ip.st.get("IFS").orElse(" ");
        return ifs.isEmpty() ? "" : ifs.substring(0, 1);
    }

    private String param(Param p) throws InterruptedException {
        String name = p.name();
        Optional<String> v = lookup(name);
        String op = p.op();
        boolean colon = op.startsWith(":");
        boolean missing = v.isEmpty() || (colon && v.get().isEmpty());
        switch (op) {
            case "", "len" -> {
                if (v.isEmpty() && ip.st.nounset && !name.equals("@") && !name.equals("*")) {
                    throw ip.fatal(ip.ctx.dialect().unsetParameter(name), ip.ctx.dialect().expansionFailureStatus());
                }
                return op.isEmpty() ? v.orElse("") : String.valueOf(v.orElse("").length());
            }
            case ":-", "-" -> {
                return missing ? string(p.arg().orElseThrow()) : v.get();
            }
            case ":=", "=" -> {
                if (missing) {
                    String value = string(p.arg().orElseThrow());
                    ip.st.set(name, value);
                    return value;
                }
                return v.get();
            }
            case ":+", "+" -> {
                return missing ? "" : string(p.arg().orElseThrow());
            }
            case ":?", "?" -> {
                if (missing) {
                    String message = string(p.arg().orElseThrow());
                    Dialect d = ip.ctx.dialect();
                    throw ip.fatal(message.isEmpty() ? d.nullParameter(name) : d.error(name + ": " + message),
                            d.expansionFailureStatus());
                }
                return v.get();
            }
            default -> {
                return remove(v.orElse(""), op, pattern(p.arg().orElseThrow()));
            }
        }
    }

    /** {@code ${x#pat} ${x##pat} ${x%pat} ${x%%pat}}. */
    private static String remove(String value, String op, String pattern) {
        int n = value.length();
        switch (op) {
            case "#" -> {
                for (int i = 0; i <= n; i++) {
                    if (Glob.matches(pattern, value.substring(0, i))) {
                        return value.substring(i);
                    }
                }
            }
            case "##" -> {
                for (int i = n; i >= 0; i--) {
                    if (Glob.matches(pattern, value.substring(0, i))) {
                        return value.substring(i);
                    }
                }
            }
            case "%" -> {
                for (int i = n; i >= 0; i--) {
                    if (Glob.matches(pattern, value.substring(i))) {
                        return value.substring(0, i);
                    }
                }
            }
            default -> {
                for (int i = 0; i <= n; i++) {
                    if (Glob.matches(pattern, value.substring(i))) {
                        return value.substring(0, i);
                    }
                }
            }
        }
        return value;
    }

    private String arithmetic(String expression) throws InterruptedException {
        String text = string(new WordScanner(new Source(expression)).hereDoc());
        try {
            return String.valueOf(io.metalboot.sim.shell.Arith.eval(text, name -> ip.st.get(name).orElse(null), ip.st::set));
        } catch (io.metalboot.sim.shell.Arith.ArithError e) {
            throw ip.fatal(ip.ctx.dialect().error(e.getMessage()), 2);
        }
    }

    /** Builds the fields of one word; unquoted expansion results split on $IFS. */
    private final class Fields {
        private final List<String> out;
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder pat = new StringBuilder();
        private boolean has;
        private boolean magic;

        Fields(List<String> out) {
            this.out = out;
        }

        void literal(String s, boolean quoted) {
            text.append(s);
            pat.append(quoted ? Glob.escape(s) : s);
            magic |= !quoted && Glob.hasMagic(s);
            has = true;
        }

        void split(String value) {
            String ifs = ip.st.get("IFS").orElse(" \t\n");
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (ifs.indexOf(c) >= 0) {
                    if (has) {
                        emit();
                    }
                } else {
                    literal(String.valueOf(c), false);
                }
            }
        }

        void emit() {
            List<String> matches = magic ? Glob.expand(ip.ctx.fs(), ip.st.cwd, pat.toString()) : List.of();
            if (matches.isEmpty()) {
                out.add(text.toString());
            } else {
                out.addAll(matches);
            }
            text.setLength(0);
            pat.setLength(0);
            has = false;
            magic = false;
        }
    }
}
