package io.metalboot.sim.shell;

import io.metalboot.sim.shell.Lexer.Token;
import io.metalboot.sim.shell.Lexer.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The compound commands: {@code { …; }}, {@code if}, {@code while}/{@code until}, {@code for}, {@code case}. */
final class CompoundParser {
    private final Parser p;

    CompoundParser(Parser p) {
        this.p = p;
    }

    Node group() {
        p.take();
        Node body = p.list(List.of("}"), false);
        p.expect("}");
        return new Node.Group(body);
    }

    Node ifClause() {
        p.take();
        List<Node.Branch> branches = new ArrayList<>();
        Optional<Node> otherwise = Optional.empty();
        while (true) {
            Node cond = p.list(List.of("then"), false);
            p.expect("then");
            branches.add(new Node.Branch(cond, p.list(List.of("fi", "elif", "else"), false)));
            if (p.peek().isReserved("elif")) {
                p.take();
                continue;
            }
            if (p.peek().isReserved("else")) {
                p.take();
                otherwise = Optional.of(p.list(List.of("fi"), false));
            }
            p.expect("fi");
            return new Node.If(branches, otherwise);
        }
    }

    Node loop(boolean until) {
        p.take();
        Node cond = p.list(List.of("do"), false);
        p.expect("do");
        Node body = p.list(List.of("done"), false);
        p.expect("done");
        return new Node.Loop(cond, body, until);
    }

    Node forClause() {
        p.take();
        Token name = p.take();
        if (name.type() != Type.WORD || name.word().flatMap(Word::plainText).filter(Parser::isName).isEmpty()) {
            throw new SyntaxError(SyntaxError.Kind.BAD_FOR_VARIABLE, name.shown(), Optional.empty());
        }
        Optional<List<Word>> words = Optional.empty();
        p.skipNewlines();
        if (p.peek().isReserved("in")) {
            p.take();
            List<Word> list = new ArrayList<>();
            while (p.peek().type() == Type.WORD) {
                list.add(p.take().word().orElseThrow());
            }
            words = Optional.of(list);
            if (p.peek().is(";") || p.peek().type() == Type.NEWLINE) {
                p.take();
            }
        } else if (p.peek().is(";")) {
            p.take();
        }
        p.skipNewlines();
        p.expect("do");
        Node body = p.list(List.of("done"), false);
        p.expect("done");
        return new Node.For(name.text(), words, body);
    }

    Node caseClause() {
        p.take();
        Token subject = p.take();
        if (subject.type() != Type.WORD) {
            throw p.unexpected(subject, Optional.empty());
        }
        p.skipNewlines();
        p.expect("in");
        List<Node.CaseItem> items = new ArrayList<>();
        while (true) {
            p.skipNewlines();
            if (p.peek().isReserved("esac")) {
                p.take();
                return new Node.Case(subject.word().orElseThrow(), items);
            }
            if (p.peek().is("(")) {
                p.take();
            }
            List<Word> patterns = new ArrayList<>();
            while (true) {
                Token pattern = p.take();
                if (pattern.type() != Type.WORD) {
                    throw p.unexpected(pattern, Optional.empty());
                }
                patterns.add(pattern.word().orElseThrow());
                if (!p.peek().is("|")) {
                    break;
                }
                p.take();
            }
            p.expect(")");
            Node.Seq body = (Node.Seq) p.list(List.of("esac", ";;"), true);
            items.add(new Node.CaseItem(patterns, body.items().isEmpty() ? Optional.empty() : Optional.of(body)));
            if (p.peek().is(";;")) {
                p.take();
            } else if (!p.peek().isReserved("esac")) {
                throw p.unexpected(p.peek(), Optional.of("\"esac\""));
            }
        }
    }
}
