package io.metalboot.sim.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Splits shell source into words, operators and newlines; reads here-document bodies after each line. */
final class Lexer {
    enum Type { WORD, IO_NUMBER, OP, NEWLINE, EOF }

    record Token(Type type, String text, Optional<Word> word) {
        boolean is(String op) {
            return type == Type.OP && text.equals(op);
        }

        boolean isReserved(String name) {
            return type == Type.WORD && word.flatMap(Word::plainText).filter(name::equals).isPresent();
        }

        /** How an error message shows the token. */
        String shown() {
            return switch (type) {
                case NEWLINE -> "newline";
                case EOF -> "end of file";
                default -> text;
            };
        }
    }

    private static final List<String> OPERATORS = List.of("&&", "||", ";;", "<<-", "<<", ">>", "<&", ">&", "<>", ">|",
            ";", "&", "|", "(", ")", "<", ">");
    private final Source src;
    private final boolean finalInput;
    private final List<HereDoc> pending = new ArrayList<>();

    /** {@code finalInput}: no more input will come (an unterminated here-doc simply ends). */
    Lexer(String text, boolean finalInput) {
        this.src = new Source(text);
        this.finalInput = finalInput;
    }

    void hereDoc(HereDoc doc) {
        pending.add(doc);
    }

    Token next() {
        skipBlanks();
        int c = src.peek();
        if (c < 0) {
            readHereDocs();
            return new Token(Type.EOF, "", Optional.empty());
        }
        if (c == '\n') {
            src.next();
            readHereDocs();
            return new Token(Type.NEWLINE, "\n", Optional.empty());
        }
        for (String op : OPERATORS) {
            if (src.text.startsWith(op, src.pos)) {
                src.pos += op.length();
                return new Token(Type.OP, op, Optional.empty());
            }
        }
        int digits = 0;
        while (Character.isDigit(src.peek(digits)) && src.peek(digits) < 128) {
            digits++;
        }
        if (digits > 0 && (src.peek(digits) == '<' || src.peek(digits) == '>')) {
            String number = src.text.substring(src.pos, src.pos + digits);
            src.pos += digits;
            return new Token(Type.IO_NUMBER, number, Optional.empty());
        }
        Word word = new WordScanner(src).word();
        return new Token(Type.WORD, word.raw(), Optional.of(word));
    }

    private void skipBlanks() {
        while (true) {
            int c = src.peek();
            if (c == ' ' || c == '\t') {
                src.next();
            } else if (c == '\\' && src.peek(1) == '\n') {
                src.pos += 2;
            } else if (c == '#') {
                while (!src.eof() && src.peek() != '\n') {
                    src.next();
                }
            } else {
                return;
            }
        }
    }

    private void readHereDocs() {
        for (HereDoc doc : pending) {
            StringBuilder body = new StringBuilder();
            while (true) {
                String line = src.line();
                if (line == null) {
                    if (!finalInput) {
                        throw SyntaxError.endOfFile(Optional.of("\"" + doc.delimiter + "\""));
                    }
                    break;
                }
                if (doc.stripTabs) {
                    line = line.replaceFirst("^\t+", "");
                }
                if (line.equals(doc.delimiter)) {
                    break;
                }
                body.append(line).append('\n');
            }
            doc.body(doc.expand ? new WordScanner(new Source(body.toString())).hereDoc() : Word.literal(body.toString(), true));
        }
        pending.clear();
    }
}
