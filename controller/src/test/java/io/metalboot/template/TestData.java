package io.metalboot.template;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds template data the way YAML would: insertion-ordered maps and lists that may hold nulls. */
final class TestData {
    private TestData() {
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    static List<Object> list(Object... values) {
        return Arrays.asList(values);
    }

    /** A struct-like value: templates read its components as fields. */
    record Host(String name, int port) {
    }

    /** One rendering: template source, data, expected output. */
    record Case(String name, String template, Object data, String want) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case ok(String name, String template, Object data, String want) {
        return new Case(name, template, data, want);
    }

    static String render(String template, Object data) {
        return Template.parse("t", template).render(data);
    }

    /** A template that fails, and the exact message it must fail with. */
    record Failure(String name, String template, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Failure f(String name, String template, String message) {
        return new Failure(name, template, message);
    }
}
