package io.metalboot.template;

import static io.metalboot.template.TestData.list;
import static io.metalboot.template.TestData.map;
import static io.metalboot.template.TestData.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.metalboot.template.TestData.Case;
import io.metalboot.template.TestData.Host;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Text, comments, trim markers, fields, literals, pipelines and variables; outputs as Go produces them. */
class SyntaxTest {

    static Stream<Case> textCommentsAndTrim() {
        Object v = "v";
        return Stream.of(
                ok("plain text", "no actions here\n", null, "no actions here\n"),
                ok("dot", "<{{.}}>", v, "<v>"),
                ok("comment", "a{{/* comment */}}b", v, "ab"),
                ok("multi-line comment", "a{{/* one\ntwo */}}b", v, "ab"),
                ok("comment with trim markers", "a \n {{- /* c */ -}} \n b", v, "ab"),
                ok("comment with a left trim marker only", "a \n {{- /* c */}} \n b", v, "a \n b"),
                ok("left trim eats spaces and newlines", "x  \n {{- .}} \n y", v, "xv \n y"),
                ok("right trim eats spaces and newlines", "x {{. -}}  \n\n  y", v, "x vy"),
                ok("both trims", "a\n\t{{- . -}}\n\tb", v, "avb"),
                ok("trim eats CRLF", "a \r\n{{- . -}}\r\n b", v, "avb"),
                ok("{{-3}} is a number", "a {{-3}}", v, "a -3"),
                ok("{{3 -}} trims", "{{3 -}}   x", v, "3x"),
                ok("several spaces before -}}", "{{.   -}}  x", v, "vx"),
                ok("trim marker needs a space", "{{- .}}", v, "v"),
                ok("action spanning lines", "{{ if\n  . }}yes{{ end }}", v, "yes"),
                ok("yaml list with trims", "items:\n{{- range .items }}\n  - {{ . }}\n{{- end }}\n",
                        map("items", list("a", "b")), "items:\n  - a\n  - b\n"),
                ok("block lines kept without trims", "a:\n{{ if . }}\n  b\n{{ end }}\nc\n", true, "a:\n\n  b\n\nc\n"),
                ok("left delimiter without action text", "{{\"{{\"}}", null, "{{"));
    }

    static Stream<Case> fields() {
        return Stream.of(
                ok("nested keys", "{{.a.b.c}}", map("a", map("b", map("c", "deep"))), "deep"),
                ok("$ inside range", "{{range .l}}{{$.p}}{{.}} {{end}}", map("p", ">", "l", list(1, 2)), ">1 >2 "),
                ok("$.key", "{{$.a}}", map("a", "x"), "x"),
                ok("variable field", "{{$m := .m}}{{$m.k}}", map("m", map("k", "v")), "v"),
                ok("field of a parenthesized pipeline", "{{(index .l 1).name}}",
                        map("l", list(map("name", "a"), map("name", "b"))), "b"),
                ok("record components", "{{.name}}:{{.port}}", new Host("web", 80), "web:80"),
                ok("record inside a map", "{{.h.name}}", map("h", new Host("db", 5432)), "db"),
                ok("nil map value prints <no value>", "{{.k}}", map("k", null), "<no value>"),
                ok("index of a missing key prints <no value>", "{{index . \"k\"}}", map(), "<no value>"),
                ok("print of nil prints <nil>", "{{print (index . \"k\")}}", map(), "<nil>"),
                ok("nil data", "{{.}}", null, "<no value>"),
                ok("map prints sorted", "{{.}}", map("b", 2, "a", 1), "map[a:1 b:2]"),
                ok("list prints with spaces", "{{.}}", list("a", null, 3), "[a <nil> 3]"),
                ok("array", "{{.}}", new String[] {"x", "y"}, "[x y]"),
                ok("int array", "{{index . 1}}", new int[] {7, 8}, "8"),
                ok("record prints as a struct", "{{.}}", new Host("web", 80), "{web 80}"),
                ok("nested map", "{{.}}", map("a", map("b", list(1, 2))), "map[a:map[b:[1 2]]]"));
    }

    static Stream<Case> literals() {
        return Stream.of(
                ok("string escapes", "{{\"a\\tb\\u00e9\\x41\\101\\\"\"}}", null, "a\tbéAA\""),
                ok("utf-8 from byte escapes", "{{\"\\xc3\\xa9\"}}", null, "é"),
                ok("raw string", "{{`a\\nb \"c\"`}}", null, "a\\nb \"c\""),
                ok("raw string spans lines", "{{`a\nb`}}", null, "a\nb"),
                ok("raw string drops CR", "{{`a\r\nb`}}", null, "a\nb"),
                ok("chars are ints", "{{'a'}} {{'\\n'}} {{'é'}} {{'\\''}}", null, "97 10 233 39"),
                ok("ints", "{{42}} {{-7}} {{+3}} {{0x1F}} {{0o17}} {{017}} {{0b101}} {{1_000}}", null,
                        "42 -7 3 31 15 15 5 1000"),
                ok("floats", "{{1.5}} {{1e3}} {{.5}} {{2.0}} {{1e6}} {{1e-5}} {{0.0001}} {{123456789.0}} {{-0.0}}",
                        null, "1.5 1000 0.5 2 1e+06 1e-05 0.0001 1.23456789e+08 -0"),
                ok("hex float", "{{0x1p-2}}", null, "0.25"),
                ok("int64", "{{9223372036854775807}}", null, "9223372036854775807"),
                ok("bools", "{{true}} {{false}}", null, "true false"),
                ok("nil as an argument", "{{print nil}}", null, "<nil>"));
    }

    static Stream<Case> pipelines() {
        return Stream.of(
                ok("piped value is the last argument", "{{\"x\" | printf \"%s-%s\" \"a\"}}", null, "a-x"),
                ok("pipe through printf", "{{.n | printf \"%03d\"}}", map("n", 7), "007"),
                ok("pipe chain", "{{\"a\" | printf \"%s\" | len}}", null, "1"),
                ok("pipe into print", "{{1 | print 2}}", null, "2 1"),
                ok("parenthesized arguments", "{{print (len .l) (index .l 0)}}", map("l", list("a", "b")), "2a"),
                ok("nested parentheses", "{{len (print (len \"abc\") \"x\")}}", null, "2"),
                ok("function without arguments in a chain", "{{(print \"ab\") | len}}", null, "2"));
    }

    static Stream<Case> variables() {
        Object l = map("l", list("a", "b"));
        return Stream.of(
                ok("declare", "{{$x := 1}}{{$x}}", null, "1"),
                ok("declaration prints nothing", "[{{$x := 1}}]", null, "[]"),
                ok("assign", "{{$x := 1}}{{$x = 2}}{{$x}}", null, "2"),
                ok("assign inside if reaches outer", "{{$x := \"a\"}}{{if true}}{{$x = \"b\"}}{{end}}{{$x}}", null, "b"),
                ok("declare inside if shadows until end",
                        "{{$x := \"a\"}}{{if true}}{{$x := \"b\"}}{{$x}}{{end}}{{$x}}", null, "ba"),
                ok("if-pipeline variable visible in else",
                        "{{if $v := index . \"k\"}}{{$v}}{{else}}none:{{$v}}{{end}}", map(), "none:<no value>"),
                ok("range index and element", "{{range $i, $e := .l}}{{$i}}:{{$e}},{{end}}", l, "0:a,1:b,"),
                ok("range element only", "{{range $e := .l}}{{$e}}{{end}}", l, "ab"),
                ok("range assigns outer variables",
                        "{{$i := 9}}{{$e := \"\"}}{{range $i, $e = .l}}{{end}}{{$i}}{{$e}}", l, "1b"),
                ok("$ in a defined template is its data", "{{define \"x\"}}{{$}}{{end}}{{template \"x\" 5}}", 1, "5"),
                ok("variable in parenthesized pipeline", "{{print ($x := 3) $x}}", null, "3 3"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"textCommentsAndTrim", "fields", "literals", "pipelines", "variables"})
    void rendersLikeGo(Case c) {
        assertEquals(c.want(), TestData.render(c.template(), c.data()));
    }
}
