package io.metalboot.template;

import static io.metalboot.template.TestData.list;
import static io.metalboot.template.TestData.map;
import static io.metalboot.template.TestData.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.metalboot.template.TestData.Case;
import io.metalboot.template.TestData.Host;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** if/else if/with/range/break/continue/define/template/block, with Go's truth rules. */
class ControlTest {

    /** A value and whether Go's {{if}} takes it as true. */
    record Truth(String name, Object value, boolean truth) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Truth> truthiness() {
        return Stream.of(
                new Truth("false", false, false), new Truth("true", true, true),
                new Truth("int 0", 0, false), new Truth("int -1", -1, true),
                new Truth("long 0", 0L, false), new Truth("double 0.0", 0.0, false),
                new Truth("double 0.5", 0.5, true), new Truth("BigDecimal 0", BigDecimal.ZERO, false),
                new Truth("empty string", "", false), new Truth("string", "x", true),
                new Truth("string \"false\"", "false", true), new Truth("string \"0\"", "0", true),
                new Truth("nil", null, false), new Truth("empty list", List.of(), false),
                new Truth("list of zero", List.of(0), true), new Truth("empty map", Map.of(), false),
                new Truth("map", Map.of("a", 1), true), new Truth("empty array", new String[0], false),
                new Truth("record", new Host("", 0), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("truthiness")
    void ifFollowsGoTruth(Truth t) {
        assertEquals(t.truth() ? "T" : "F", TestData.render("{{if .v}}T{{else}}F{{end}}", map("v", t.value())));
    }

    static Stream<Case> ifAndWith() {
        String chain = "{{if .a}}A{{else if .b}}B{{else}}C{{end}}";
        String with = "{{with .a}}a={{.}}{{else with .b}}b={{.}}{{else}}none{{end}}";
        return Stream.of(
                ok("if", "{{if .}}yes{{end}}", true, "yes"),
                ok("if false", "[{{if .}}yes{{end}}]", false, "[]"),
                ok("else if: first", chain, map("a", 1, "b", 1), "A"),
                ok("else if: second", chain, map("a", 0, "b", 1), "B"),
                ok("else if: else", chain, map("a", 0, "b", 0), "C"),
                ok("if on index of missing key", "{{if index . \"k\"}}k{{else}}no k{{end}}", map(), "no k"),
                ok("with sets dot", "{{with .a}}{{.b}}{{end}}", map("a", map("b", "x")), "x"),
                ok("with keeps $", "{{with .a}}{{$.c}}{{end}}", map("a", 1, "c", "top"), "top"),
                ok("with else", "{{with .a}}{{.}}{{else}}empty{{end}}", map("a", ""), "empty"),
                ok("else with: first", with, map("a", 1, "b", 2), "a=1"),
                ok("else with: second", with, map("a", 0, "b", 2), "b=2"),
                ok("else with: else", with, map("a", 0, "b", 0), "none"),
                ok("with a declaration", "{{with $x := .a}}{{$x}}{{.}}{{end}}", map("a", 7), "77"),
                ok("and/or in conditions", "{{if and .a (or .b .c)}}y{{else}}n{{end}}", map("a", 1, "b", 0, "c", 1),
                        "y"));
    }

    static Stream<Case> range() {
        Object numbers = map("l", list(1, 2, 3, 4, 5, 6));
        return Stream.of(
                ok("list", "{{range .}}[{{.}}]{{end}}", list("a", "b"), "[a][b]"),
                ok("array", "{{range .}}{{.}}{{end}}", new Integer[] {1, 2}, "12"),
                ok("map in sorted key order", "{{range $k, $v := .}}{{$k}}={{$v}};{{end}}",
                        map("zeta", 1, "alpha", 2, "Beta", 3, "beta", 4), "Beta=3;alpha=2;beta=4;zeta=1;"),
                ok("map values only", "{{range .}}{{.}}{{end}}", map("b", 2, "a", 1), "12"),
                ok("integer", "{{range 3}}{{.}}{{end}}", null, "012"),
                ok("integer with variable", "{{range $i := .n}}{{$i}}{{end}}", map("n", 4L), "0123"),
                ok("zero times runs else", "{{range 0}}x{{else}}none{{end}}", null, "none"),
                ok("empty list runs else", "{{range .}}x{{else}}empty{{end}}", list(), "empty"),
                ok("nil runs else", "{{range .l}}x{{else}}nil{{end}}", map("l", null), "nil"),
                ok("else sees the outer dot", "{{range .l}}x{{else}}{{.n}}{{end}}", map("l", list(), "n", "N"), "N"),
                ok("continue", "{{range .l}}{{if eq . 2 4}}{{continue}}{{end}}{{.}}{{end}}", numbers, "1356"),
                ok("break", "{{range .l}}{{if eq . 4}}{{break}}{{end}}{{.}}{{end}}", numbers, "123"),
                ok("break inside with", "{{range .l}}{{with eq . 3}}{{break}}{{end}}{{.}}{{end}}", numbers, "12"),
                ok("break leaves only the inner range",
                        "{{range .a}}{{range $.b}}{{if eq . \"y\"}}{{break}}{{end}}{{.}}{{end}};{{end}}",
                        map("a", list(1, 2), "b", list("x", "y", "z")), "x;x;"),
                ok("variables end with each iteration",
                        "{{range .l}}{{$x := .}}{{$x}}{{end}}", map("l", list("p", "q")), "pq"),
                ok("nested ranges see $", "{{range $i, $r := .}}{{range $r}}{{$i}}{{.}} {{end}}{{end}}",
                        list(list("a"), list("b", "c")), "0a 1b 1c "));
    }

    static Stream<Case> templates() {
        Object tree = map("name", "a", "children", list(
                map("name", "b", "children", list()),
                map("name", "c", "children", list(map("name", "d", "children", list())))));
        return Stream.of(
                ok("define and template", "{{define \"x\"}}X{{.}}{{end}}{{template \"x\" \"a\"}}", null, "Xa"),
                ok("template without data", "{{define \"x\"}}[{{.}}]{{end}}{{template \"x\"}}", 1, "[<no value>]"),
                ok("template with dot", "{{define \"x\"}}{{.a}}{{end}}{{template \"x\" .}}", map("a", 1), "1"),
                ok("raw-string template name", "{{define `x`}}X{{end}}{{template `x`}}", null, "X"),
                ok("text around defines stays", "{{define \"x\"}}X{{end}}\nbody{{template \"x\"}}\n", null,
                        "\nbodyX\n"),
                ok("define after its use", "{{template \"x\" 2}}{{define \"x\"}}<{{.}}>{{end}}", null, "<2>"),
                ok("block renders in place", "[{{block \"b\" .}}default {{.}}{{end}}]", "d", "[default d]"),
                ok("block can be called again", "{{block \"b\" 1}}({{.}}){{end}}{{template \"b\" 2}}", null,
                        "(1)(2)"),
                ok("recursive template",
                        "{{define \"n\"}}{{.name}}({{range .children}}{{template \"n\" .}}{{end}}){{end}}"
                                + "{{template \"n\" .}}", tree, "a(b()c(d()))"),
                ok("empty define is replaced", "{{define \"x\"}} {{end}}{{define \"x\"}}X{{end}}{{template \"x\"}}",
                        null, "X"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"ifAndWith", "range", "templates"})
    void rendersLikeGo(Case c) {
        assertEquals(c.want(), TestData.render(c.template(), c.data()));
    }
}
