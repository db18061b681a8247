package io.metalboot.pki;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of one JSON object of a cfssl file. Keys match as Go's encoding/json matches them
 * (exact name, else ignoring case), so every file cfssl reads reads the same here; unknown and
 * repeated keys are errors instead of being dropped silently. Every error names file:line and the
 * field's path.
 */
final class JsonFields {
    private final String file;
    private final String path;
    private final Map<String, Json.Member> values = new LinkedHashMap<>();

    private JsonFields(String file, String path) {
        this.file = file;
        this.path = path;
    }

    static JsonFields of(String file, String path, Json value, List<String> known) {
        if (!(value instanceof Json.Obj obj)) {
            throw PkiException.input(file + ":" + value.line() + ": " + (path.isEmpty() ? "the file" : path)
                    + " must be an object, found " + value.shown() + "; valid fields: " + String.join(", ", known));
        }
        JsonFields fields = new JsonFields(file, path);
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (Json.Member m : obj.members()) {
            String key = known.stream().filter(k -> k.equals(m.key())).findFirst()
                    .or(() -> known.stream().filter(k -> k.equalsIgnoreCase(m.key())).findFirst()).orElse("");
            if (key.isEmpty()) {
                throw fields.error(m.line(), fields.child(m.key()) + ": unknown field '" + m.key() + "'"
                        + closest(m.key(), known).map(s -> " (did you mean '" + s + "'?)").orElse("")
                        + "; valid fields here: " + String.join(", ", known));
            }
            if (seen.containsKey(key)) {
                throw fields.error(m.line(), fields.child(key) + " is given twice (first at line " + seen.get(key)
                        + "); keep one (cfssl would silently use the last)");
            }
            seen.put(key, m.line());
            if (!(m.value() instanceof Json.Null)) {
                fields.values.put(key, m);
            }
        }
        return fields;
    }

    String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    String file() {
        return file;
    }

    PkiException error(int line, String message) {
        return PkiException.input(file + ":" + line + ": " + message);
    }

    Optional<Json> value(String key) {
        return Optional.ofNullable(values.get(key)).map(Json.Member::value);
    }

    /** The line of the key, for "missing" and whole-field messages. */
    int lineOf(String key) {
        return values.get(key).line();
    }

    Optional<Json.Str> string(String key) {
        return value(key).map(v -> {
            if (v instanceof Json.Str s) {
                return s;
            }
            throw error(v.line(), child(key) + " must be a string, found " + v.shown());
        });
    }

    Json.Str requiredString(String key, int objectLine, String hint) {
        return string(key).orElseThrow(() -> error(objectLine,
                (path.isEmpty() ? "" : path + ": ") + "missing required field '" + key + "' (" + hint + ")"));
    }

    Optional<Json.Num> integer(String key) {
        return value(key).map(v -> {
            if (v instanceof Json.Num n && n.integral() && n.text().length() < 10) {
                return n;
            }
            throw error(v.line(), child(key) + " must be a whole number, found " + v.shown());
        });
    }

    Optional<Boolean> bool(String key) {
        return value(key).map(v -> {
            if (v instanceof Json.Bool b) {
                return b.value();
            }
            throw error(v.line(), child(key) + " must be true or false, found " + v.shown());
        });
    }

    Optional<JsonFields> object(String key, List<String> known) {
        return value(key).map(v -> of(file, child(key), v, known));
    }

    /** A list; {@code key[i]} paths are the caller's to build. */
    List<Json> list(String key) {
        return value(key).map(v -> {
            if (v instanceof Json.Arr a) {
                return a.items();
            }
            throw error(v.line(), child(key) + " must be a list, found " + v.shown());
        }).orElse(List.of());
    }

    /** The known name closest to a misspelt one (at most two edits away, ignoring case). */
    static Optional<String> closest(String typed, List<String> known) {
        String t = typed.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = 3;
        for (String k : known) {
            int d = distance(t, k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[b.length()];
    }
}
