package io.metalboot.sim.shell;

import io.metalboot.sim.shell.Lexer.Token;
import io.metalboot.sim.shell.Lexer.Type;
import io.metalboot.sim.shell.Node.Assign;
import io.metalboot.sim.shell.Node.Redir;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Recursive-descent parser for the shell subset; {@link #next()} yields one complete command (one line) at a time. */
final class Parser {
    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*", Pattern.DOTALL);
    private static final Set<String> REDIRECTS = Set.of("<", ">", ">>", ">|", "<>", ">&", "<&", "<<", "<<-");
    private static final Set<String> NOT_COMMANDS = Set.of("then", "else", "elif", "fi", "do", "done", "esac", "}", "in");
    private final Lexer lexer;
    private Token peeked;

    Parser(String source, boolean finalInput) {
        this.lexer = new Lexer(source, finalInput);
    }

    /** Parses everything (for a complete interactive entry or a substitution). */
    static List<Node> parseAll(String source, boolean finalInput) {
        Parser parser = new Parser(source, finalInput);
        List<Node> nodes = new ArrayList<>();
        for (Optional<Node> n = parser.next(); n.isPresent(); n = parser.next()) {
            nodes.add(n.get());
        }
        return nodes;
    }

    /** The next complete command, or empty at the end of input. */
    Optional<Node> next() {
        skipNewlines();
        if (peek().type() == Type.EOF) {
            return Optional.empty();
        }
        List<Node.Item> items = new ArrayList<>();
        while (true) {
            Node node = andOr();
            Token t = peek();
            boolean async = t.is("&");
            if (async || t.is(";")) {
                take();
                items.add(new Node.Item(node, async));
                Type after = peek().type();
                if (after == Type.NEWLINE || after == Type.EOF) {
                    break;
                }
                continue;
            }
            items.add(new Node.Item(node, false));
            break;
        }
        Token end = peek();
        if (end.type() == Type.NEWLINE) {
            take();
        } else if (end.type() != Type.EOF) {
            throw SyntaxError.unexpected(end.shown());
        }
        return Optional.of(new Node.Seq(items));
    }

    Token peek() {
        if (peeked == null) {
            peeked = lexer.next();
        }
        return peeked;
    }

    Token take() {
        Token t = peek();
        peeked = null;
        return t;
    }

    void skipNewlines() {
        while (peek().type() == Type.NEWLINE) {
            take();
        }
    }

    SyntaxError unexpected(Token t, Optional<String> expecting) {
        return t.type() == Type.EOF ? SyntaxError.endOfFile(expecting)
                : new SyntaxError(SyntaxError.Kind.UNEXPECTED, t.shown(), expecting);
    }

    void expect(String reserved) {
        Token t = peek();
        if (reserved.equals(")") ? t.is(")") : t.isReserved(reserved)) {
            take();
            return;
        }
        throw unexpected(t, Optional.of("\"" + reserved + "\""));
    }

    /** A compound list ending before one of {@code terminators} (reserved words, or {@code )} / {@code ;;}). */
    Node list(List<String> terminators, boolean mayBeEmpty) {
        List<Node.Item> items = new ArrayList<>();
        while (true) {
            skipNewlines();
            Token t = peek();
            if (t.type() == Type.EOF || terminators.stream().anyMatch(w -> t.is(w) || t.isReserved(w))) {
                break;
            }
            if (t.type() == Type.WORD && t.word().flatMap(Word::plainText).filter(NOT_COMMANDS::contains).isPresent()
                    && !t.isReserved("in")) {
                throw unexpected(t, Optional.of("\"" + terminators.get(0) + "\""));
            }
            Node node = andOr();
            Token sep = peek();
            if (sep.is(";") || sep.is("&")) {
                take();
                items.add(new Node.Item(node, sep.is("&")));
            } else if (sep.type() == Type.NEWLINE) {
                items.add(new Node.Item(node, false));
            } else {
                items.add(new Node.Item(node, false));
                break;
            }
        }
        if (items.isEmpty() && !mayBeEmpty) {
            throw unexpected(peek(), peek().type() == Type.EOF ? Optional.of("\"" + terminators.get(0) + "\"") : Optional.empty());
        }
        return new Node.Seq(items);
    }

    private Node andOr() {
        Node first = pipeline();
        List<Node.Step> rest = new ArrayList<>();
        while (peek().is("&&") || peek().is("||")) {
            boolean and = take().is("&&");
            skipNewlines();
            rest.add(new Node.Step(and, pipeline()));
        }
        return rest.isEmpty() ? first : new Node.AndOr(first, rest);
    }

    private Node pipeline() {
        boolean negate = peek().isReserved("!");
        if (negate) {
            take();
        }
        List<Node> commands = new ArrayList<>(List.of(command()));
        while (peek().is("|")) {
            take();
            skipNewlines();
            commands.add(command());
        }
        return commands.size() == 1 && !negate ? commands.get(0) : new Node.Pipeline(commands, negate);
    }

    Node command() {
        Token t = peek();
        Node compound;
        if (t.is("(")) {
            take();
            Node body = list(List.of(")"), false);
            expect(")");
            compound = new Node.Subshell(body);
        } else if (t.type() == Type.WORD && t.word().flatMap(Word::plainText).isPresent()) {
            String w = t.word().flatMap(Word::plainText).get();
            CompoundParser compounds = new CompoundParser(this);
            compound = switch (w) {
                case "{" -> compounds.group();
                case "if" -> compounds.ifClause();
                case "while", "until" -> compounds.loop(w.equals("until"));
                case "for" -> compounds.forClause();
                case "case" -> compounds.caseClause();
                default -> null;
            };
            if (compound == null) {
                if (NOT_COMMANDS.contains(w) && !w.equals("in")) {
                    throw unexpected(t, Optional.empty());
                }
                return simple();
            }
        } else {
            return simple();
        }
        List<Redir> redirs = new ArrayList<>();
        while (isRedirect(peek())) {
            redirs.add(redirect());
        }
        return redirs.isEmpty() ? compound : new Node.Redirected(compound, redirs);
    }

    static boolean isName(String s) {
        return !s.isEmpty() && WordScanner.isNameStart(s.charAt(0)) && s.chars().allMatch(WordScanner::isNameChar);
    }

    private static boolean isRedirect(Token t) {
        return t.type() == Type.IO_NUMBER || (t.type() == Type.OP && REDIRECTS.contains(t.text()));
    }

    private Redir redirect() {
        int fd = -1;
        if (peek().type() == Type.IO_NUMBER) {
            fd = Integer.parseInt(take().text());
        }
        Token op = take();
        if (op.type() != Type.OP || !REDIRECTS.contains(op.text())) {
            throw unexpected(op, Optional.empty());
        }
        if (fd < 0) {
            fd = op.text().startsWith("<") ? 0 : 1;
        }
        Token target = take();
        if (target.type() != Type.WORD) {
            throw unexpected(target, Optional.empty());
        }
        Word word = target.word().orElseThrow();
        if (op.text().startsWith("<<")) {
            StringBuilder delimiter = new StringBuilder();
            for (Word.Part p : word.parts()) {
                delimiter.append(p instanceof Word.Lit lit ? lit.text() : "$" + ((Word.Param) p).name());
            }
            HereDoc doc = new HereDoc(delimiter.toString(), !word.anyQuoted(), op.is("<<-"));
            lexer.hereDoc(doc);
            return new Redir(fd, op.text(), word, Optional.of(doc));
        }
        return new Redir(fd, op.text(), word, Optional.empty());
    }

    private Node simple() {
        List<Assign> assigns = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        List<Redir> redirs = new ArrayList<>();
        while (true) {
            Token t = peek();
            if (isRedirect(t)) {
                redirs.add(redirect());
            } else if (t.type() == Type.WORD) {
                take();
                Word w = t.word().orElseThrow();
                Optional<Assign> assign = words.isEmpty() ? assignment(w) : Optional.empty();
                if (assign.isPresent()) {
                    assigns.add(assign.get());
                } else {
                    words.add(w);
                }
                if (words.size() == 1 && assigns.isEmpty() && redirs.isEmpty() && peek().is("(")
                        && w.plainText().filter(Parser::isName).isPresent()) {
                    take();
                    expect(")");
                    skipNewlines();
                    return new Node.FunctionDef(w.plainText().get(), command());
                }
            } else {
                break;
            }
        }
        if (assigns.isEmpty() && words.isEmpty() && redirs.isEmpty()) {
            throw unexpected(peek(), Optional.empty());
        }
        return new Node.Simple(assigns, words, redirs);
    }

    /** {@code NAME=value}: the name must be a plain unquoted prefix of the word. */
    private static Optional<Assign> assignment(Word w) {
        if (w.parts().isEmpty() || !(w.parts().get(0) instanceof Word.Lit first) || first.quoted()
                || !ASSIGNMENT.matcher(first.text()).matches()) {
            return Optional.empty();
        }
        int eq = first.text().indexOf('=');
        List<Word.Part> value = new ArrayList<>();
        String rest = first.text().substring(eq + 1);
        if (!rest.isEmpty()) {
            value.add(new Word.Lit(rest, false));
        }
        value.addAll(w.parts().subList(1, w.parts().size()));
        return Optional.of(new Assign(first.text().substring(0, eq), new Word(value, w.raw().substring(eq + 1))));
    }
}
