package io.metalboot.template;

import static io.metalboot.template.TestData.list;
import static io.metalboot.template.TestData.map;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.metalboot.template.TestData.Host;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** printf's verbs, flags, width and precision, and how values print, as Go's fmt does it. */
class PrintingTest {

    /** printf FORMAT ARGS… and Go's output. */
    record Format(String format, List<Object> args, String want) {
        @Override
        public String toString() {
            return Quote.string(format) + " " + args;
        }
    }

    static Format p(String format, String want, Object... args) {
        return new Format(format, list(args), want);
    }

    static Stream<Format> verbs() {
        return Stream.of(
                p("%s|%v|%q", "x|x|\"x\"", "x", "x", "x"),
                p("%d|%v", "42|42", 42, 42L),
                p("%5d|%-5d|%05d|%+d|% d", "   42|42   |00042|+5| 5", 42, 42, 42, 5, 5),
                p("%05d|%.3d|%8.3d", "-0042|007|     007", -42, 7, 7),
                p("%x|%X|%#x|%o|%#o|%b|%O", "ff|FF|0xff|10|010|101|0o10", 255, 255, 255, 8, 8, 5, 8),
                p("%x|%X|% x|%#x", "6869|6869|68 69|0x6869", "hi", "hi", "hi", "hi"),
                p("%q|%q|%+q|%#q", "\"a\\\"b\\n\"|'A'|\"\\u00e9\"|`x`", "a\"b\n", 65, "é", "x"),
                p("%c|%U|%#U", "A|U+1F600|U+0041 'A'", 65, 0x1F600, 65),
                p("%t|%v", "true|false", true, false),
                p("%f|%.2f|%8.3f|%-8.2f|%+.1f", "3.141590|3.14|   3.142|3.14    |+3.1",
                        3.14159, 3.14159, 3.14159, 3.14159, 3.14159),
                p("%.0f %.0f %.1f %.2f", "12 14 0.2 1.00", 12.5, 13.5, 0.25, 0.999),
                p("%e|%E|%.2e", "1.234568e+03|1.234568E+03|1.23e+03", 1234.5678, 1234.5678, 1234.5678),
                p("%g|%.3g|%g|%g", "1234.5678|1.23e+03|1e+21|1e-07", 1234.5678, 1234.5678, 1e21, 1e-7),
                p("%v|%v|%v|%v", "100000|1e+06|0.30000000000000004|3", 100000.0, 1e6, 0.1 + 0.2, 3.0),
                p("%06.2f|%-6.1f|%+06.1f", "003.14|3.1   |+003.1", 3.14159, 3.14159, 3.14159),
                p("%v %v %v %5.1f", "NaN +Inf -Inf  +Inf", Double.NaN, Double.POSITIVE_INFINITY,
                        Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY),
                p("%x", "0x1.8p+01", 3.0),
                p("%.3s|%6.2s|%-4s|", "abc|    ab|ab  |", "abcdef", "abc", "ab"),
                p("%5s|%-5v|", "  héé|[1     2    ]|", "héé", list(1, 2)),
                p("%*d|%-*d|%.*f", "   42|42   |3.14", 5, 42, 5, 42, 2, 3.14159),
                p("100%%", "100%"),
                p("%v|%s|%d", "[a b]|[a b]|[1 2]", list("a", "b"), list("a", "b"), list(1, 2)),
                p("%v|%d", "map[a:1 b:2]|map[%!d(string=a):1]", map("b", 2, "a", 1), map("a", 1)),
                p("%v|%+v|%s", "{web 80}|{name:web port:80}|{web %!s(int=80)}",
                        new Host("web", 80), new Host("web", 80), new Host("web", 80)),
                p("%x|%X", "[a ff]|[A FF]", list(10, 255), list(10, 255)),
                p("%5d", "[    1     2]", list(1, 2)),
                p("%[2]d %[1]d", "2 1", 1, 2),
                p("%[1]s-%[1]s", "x-x", "x"),
                p("%d %[1]d %d", "1 1 2", 1, 2),
                p("%[1]*[2]d|", "   42|", 5, 42));
    }

    static Stream<Format> badVerbs() {
        return Stream.of(
                p("%d", "%!d(string=x)", "x"),
                p("%s", "%!s(int=5)", 5),
                p("%f", "%!f(int=5)", 5),
                p("%d", "%!d(float64=1.5)", 1.5),
                p("%t", "%!t(string=yes)", "yes"),
                p("%z", "%!z(int=1)", 1),
                p("%s|%d", "%!s(<nil>)|%!d(<nil>)", null, null),
                p("%v", "<nil>", (Object) null),
                p("%s", "[a %!s(int=1) <nil>]", list("a", 1, null)),
                p("%s", "map[k:%!s(bool=true)]", map("k", true)),
                p("%d %d", "1 %!d(MISSING)", 1),
                p("%d", "1%!(EXTRA int=2, string=x, <nil>)", 1, 2, "x", null),
                p("x%", "x%!(NOVERB)"),
                p("%*d", "%!(BADWIDTH)5", "w", 5),
                p("%.*d", "%!(BADPREC)5", "p", 5),
                p("%[3]d|%[0]d", "%!d(BADINDEX)|%!d(BADINDEX)", 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"verbs", "badVerbs"})
    void printfFormatsLikeGo(Format c) {
        StringBuilder call = new StringBuilder("{{printf .f");
        for (int i = 0; i < c.args().size(); i++) {
            call.append(" (index .a ").append(i).append(')');
        }
        String source = call.append("}}").toString();
        assertEquals(c.want(), TestData.render(source, map("f", c.format(), "a", c.args())));
    }

    /** A value and how {{.}} prints it. */
    record Printed(String name, Object value, String want) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Printed> values() {
        return Stream.of(
                new Printed("int", 7, "7"),
                new Printed("long", 12345678901L, "12345678901"),
                new Printed("big integer", new BigInteger("123456789012345678901234567890"),
                        "123456789012345678901234567890"),
                new Printed("double", 2.5, "2.5"),
                new Printed("whole double", 3.0, "3"),
                new Printed("large double", 1e21, "1e+21"),
                new Printed("float32 keeps its shortest digits", 0.1f, "0.1"),
                new Printed("BigDecimal as float64", new BigDecimal("2.50"), "2.5"),
                new Printed("negative zero", -0.0, "-0"),
                new Printed("bool", true, "true"),
                new Printed("empty list", List.of(), "[]"),
                new Printed("empty map", map(), "map[]"),
                new Printed("map of lists", map("a", list(1, 2), "b", null), "map[a:[1 2] b:<nil>]"),
                new Printed("list of maps", list(map("k", "v")), "[map[k:v]]"),
                new Printed("record with nil", new Host(null, 1), "{<nil> 1}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    void valuesPrintLikeGo(Printed c) {
        assertEquals(c.want(), TestData.render("{{.}}", c.value()));
    }
}
