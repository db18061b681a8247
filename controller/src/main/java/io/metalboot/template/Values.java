package io.metalboot.template;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data model seen through Go's eyes: Integer/Long/Short/Byte/BigInteger are Go {@code int},
 * Double/Float/BigDecimal are {@code float64}, a Map is {@code map[string]interface {}}, a List or
 * array is {@code []interface {}}, a record is a struct whose fields are its components, null is nil.
 */
final class Values {
    private Values() {
    }

    static boolean isInt(Object v) {
        return v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
                || v instanceof BigInteger;
    }

    static boolean isFloat(Object v) {
        return v instanceof Double || v instanceof Float || v instanceof BigDecimal;
    }

    static boolean isList(Object v) {
        return v instanceof List<?> || (v != null && v.getClass().isArray());
    }

    /** A List or array as a List (arrays are wrapped, not copied). */
    static List<?> asList(Object v) {
        if (v instanceof List<?> list) {
            return list;
        }
        return new AbstractList<>() {
            @Override
            public Object get(int i) {
                return Array.get(v, i);
            }

            @Override
            public int size() {
                return Array.getLength(v);
            }
        };
    }

    /** Go's truth: false, 0, nil, and empty strings, lists and maps are false; everything else is true. */
    static boolean truth(Object v) {
        return switch (v) {
            case null -> false;
            case Boolean b -> b;
            case String s -> !s.isEmpty();
            case BigInteger b -> b.signum() != 0;
            case BigDecimal b -> b.signum() != 0;
            case Number n when isInt(n) -> n.longValue() != 0;
            case Number n -> n.doubleValue() != 0;
            case Map<?, ?> m -> !m.isEmpty();
            case Collection<?> c -> !c.isEmpty();
            default -> !v.getClass().isArray() || Array.getLength(v) > 0;
        };
    }

    /** The name Go's reflect would print for the type of v. */
    static String typeName(Object v) {
        if (v == null) {
            return "<nil>";
        }
        if (isInt(v)) {
            return "int";
        }
        if (v instanceof Float) {
            return "float32";
        }
        if (isFloat(v)) {
            return "float64";
        }
        return switch (v) {
            case String s -> "string";
            case Boolean b -> "bool";
            case Map<?, ?> m -> "map[string]interface {}";
            default -> isList(v) ? "[]interface {}" : v.getClass().getSimpleName();
        };
    }

    /** The component of a record called name, if the record has one. */
    static Optional<RecordComponent> component(Record record, String name) {
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            if (c.getName().equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    static Object read(Record record, RecordComponent component) {
        try {
            var accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new TemplateException("reading field " + component.getName() + " of " + typeName(record)
                    + " failed: " + e, e);
        }
    }

    /** Map entries in Go's fmtsort order: numbers numerically, strings by code point, then by type. */
    static List<Map.Entry<?, ?>> sorted(Map<?, ?> map) {
        List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
        entries.sort(Comparator.comparing(Map.Entry::getKey, Values::compareKeys));
        return entries;
    }

    private static int compareKeys(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return compareStrings(x, y);
        }
        if (a instanceof Number x && b instanceof Number y) {
            return isInt(x) && isInt(y) ? Long.compare(x.longValue(), y.longValue())
                    : Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return typeName(a).compareTo(typeName(b)) != 0 ? typeName(a).compareTo(typeName(b))
                : String.valueOf(a).compareTo(String.valueOf(b));
    }

    /** Go compares strings byte-wise in UTF-8, which is code point order (unlike String.compareTo). */
    static int compareStrings(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
