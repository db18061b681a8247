package io.metalboot.pki;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON value that remembers the line it starts on, so a cfssl file's errors can say
 * {@code file:line}. Jackson's tree model forgets locations; this reads the token stream instead.
 */
sealed interface Json {
    int line();

    /** What the value is, for "must be a string, found ..." messages. */
    String shown();

    record Member(String key, int line, Json value) {
    }

    record Obj(int line, List<Member> members) implements Json {
        public Obj {
            members = List.copyOf(members);
        }

        public String shown() {
            return "an object";
        }
    }

    record Arr(int line, List<Json> items) implements Json {
        public Arr {
            items = List.copyOf(items);
        }

        public String shown() {
            return "a list";
        }
    }

    record Str(int line, String value) implements Json {
        public String shown() {
            return "'" + value + "'";
        }
    }

    record Num(int line, String text, boolean integral) implements Json {
        public String shown() {
            return text;
        }
    }

    record Bool(int line, boolean value) implements Json {
        public String shown() {
            return Boolean.toString(value);
        }
    }

    record Null(int line) implements Json {
        public String shown() {
            return "null";
        }
    }

    /** Parses one JSON document; {@code file} names it in the error message. */
    static Json parse(String file, String text) {
        try (JsonParser p = new JsonFactory().createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw PkiException.input(file + ":1: the file is empty (expected a JSON object like cfssl's)");
            }
            Json value = read(p);
            if (p.nextToken() != null) {
                throw PkiException.input(file + ":" + p.currentTokenLocation().getLineNr()
                        + ": not valid JSON: more content after the end of the object");
            }
            return value;
        } catch (JsonParseException e) {
            throw PkiException.input(file + ":" + e.getLocation().getLineNr() + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw PkiException.input(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static Json read(JsonParser p) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                List<Member> members = new ArrayList<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = p.currentTokenLocation().getLineNr();
                    p.nextToken();
                    members.add(new Member(key, keyLine, read(p)));
                }
                return new Obj(line, members);
            }
            case START_ARRAY -> {
                List<Json> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p));
                }
                return new Arr(line, items);
            }
            case VALUE_STRING -> {
                return new Str(line, p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return new Num(line, p.getText(), true);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new Num(line, p.getText(), false);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Bool(line, t == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return new Null(line);
            }
            default -> throw new JsonParseException(p, "unexpected " + t);
        }
    }
}
