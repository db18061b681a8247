package io.metalboot.template;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Go's eq/ne/lt/le/gt/ge builtins. Numbers compare by value across Integer, Long and Double (Go itself
 * refuses int against float64); other operands must have the same basic kind, as in Go.
 */
final class Compare {
    private enum Kind { NIL, BOOL, INT, FLOAT, STRING, OTHER }

    private Compare() {
    }

    /** eq a b c …: a == b || a == c || … */
    static boolean eq(Object a, List<Object> others) {
        if (others.isEmpty()) {
            throw new TemplateException("missing argument for comparison");
        }
        for (Object b : others) {
            if (equal(a, b)) {
                return true;
            }
        }
        return false;
    }

    static boolean lt(Object a, Object b) {
        Kind ka = kind(a);
        Kind kb = kind(b);
        if (ka == Kind.NIL || ka == Kind.OTHER || kb == Kind.NIL || kb == Kind.OTHER) {
            Object bad = ka == Kind.NIL || ka == Kind.OTHER ? a : b;
            throw new TemplateException("invalid type for comparison: can't order "
                    + (bad == null ? "nil" : Values.typeName(bad) + " values"));
        }
        if (isNumber(ka) && isNumber(kb)) {
            return compareNumbers(a, b) < 0;
        }
        if (ka != kb) {
            throw incompatible(a, b);
        }
        if (ka == Kind.BOOL) {
            throw new TemplateException("invalid type for comparison: can't order bool values");
        }
        return Values.compareStrings((String) a, (String) b) < 0;
    }

    static boolean le(Object a, Object b) {
        return lt(a, b) || equal(a, b);
    }

    private static boolean equal(Object a, Object b) {
        Kind ka = kind(a);
        Kind kb = kind(b);
        if (isNumber(ka) && isNumber(kb)) {
            return compareNumbers(a, b) == 0;
        }
        if (ka == Kind.NIL || kb == Kind.NIL) {
            return ka == kb;
        }
        if (ka != kb) {
            throw incompatible(a, b);
        }
        if (ka == Kind.OTHER && (a instanceof Map<?, ?> || Values.isList(a) || b instanceof Map<?, ?>
                || Values.isList(b))) {
            throw new TemplateException("non-comparable type " + Values.typeName(a instanceof Map<?, ?>
                    || Values.isList(a) ? a : b) + ": maps and lists can only be compared with nil");
        }
        return a.equals(b);
    }

    /** -1, 0 or 1; a NaN compares unequal to everything (returns 2). */
    private static int compareNumbers(Object a, Object b) {
        if (Values.isInt(a) && Values.isInt(b)) {
            return toBig(a).compareTo(toBig(b));
        }
        double x = ((Number) a).doubleValue();
        double y = ((Number) b).doubleValue();
        return x < y ? -1 : x > y ? 1 : x == y ? 0 : 2;
    }

    private static BigInteger toBig(Object n) {
        return n instanceof BigInteger b ? b : BigInteger.valueOf(((Number) n).longValue());
    }

    private static TemplateException incompatible(Object a, Object b) {
        return new TemplateException("incompatible types for comparison: " + Values.typeName(a) + " and "
                + Values.typeName(b));
    }

    private static boolean isNumber(Kind k) {
        return k == Kind.INT || k == Kind.FLOAT;
    }

    private static Kind kind(Object v) {
        if (v == null) {
            return Kind.NIL;
        }
        if (v instanceof Boolean) {
            return Kind.BOOL;
        }
        if (v instanceof String) {
            return Kind.STRING;
        }
        return Values.isInt(v) ? Kind.INT : Values.isFloat(v) ? Kind.FLOAT : Kind.OTHER;
    }
}
