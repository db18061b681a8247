package io.metalboot.sim.shell;

import java.util.List;
import java.util.Optional;

/** The syntax tree of the shell subset (see simulator/SHELL.md). */
sealed interface Node {
    /** Commands separated by {@code ;}, newlines or {@code &} (async). */
    record Seq(List<Item> items) implements Node {
        public Seq {
            items = List.copyOf(items);
        }
    }

    record Item(Node node, boolean async) {
    }

    /** {@code a && b || c}: {@code first}, then each step runs when the previous status allows it. */
    record AndOr(Node first, List<Step> rest) implements Node {
        public AndOr {
            rest = List.copyOf(rest);
        }
    }

    record Step(boolean and, Node node) {
    }

    record Pipeline(List<Node> commands, boolean negate) implements Node {
        public Pipeline {
            commands = List.copyOf(commands);
        }
    }

    record Simple(List<Assign> assigns, List<Word> words, List<Redir> redirs) implements Node {
        public Simple {
            assigns = List.copyOf(assigns);
            words = List.copyOf(words);
            redirs = List.copyOf(redirs);
        }
    }

    /** A compound command with redirections after it: {@code { …; } > file}, {@code while …; done < file}. */
    record Redirected(Node body, List<Redir> redirs) implements Node {
        public Redirected {
            redirs = List.copyOf(redirs);
        }
    }

    record Group(Node body) implements Node {
    }

    record Subshell(Node body) implements Node {
    }

    record If(List<Branch> branches, Optional<Node> otherwise) implements Node {
        public If {
            branches = List.copyOf(branches);
        }
    }

    record Branch(Node condition, Node body) {
    }

    record Loop(Node condition, Node body, boolean until) implements Node {
    }

    /** {@code for NAME in WORDS; do …; done}; no words: the positional parameters. */
    record For(String name, Optional<List<Word>> words, Node body) implements Node {
    }

    record Case(Word subject, List<CaseItem> items) implements Node {
        public Case {
            items = List.copyOf(items);
        }
    }

    record CaseItem(List<Word> patterns, Optional<Node> body) {
        public CaseItem {
            patterns = List.copyOf(patterns);
        }
    }

    record FunctionDef(String name, Node body) implements Node {
    }

    record Assign(String name, Word value) {
    }

    /** {@code [fd]op target}; op is one of {@code < > >> >| <> >& <& << <<-}. */
    record Redir(int fd, String op, Word target, Optional<HereDoc> hereDoc) {
    }
}
