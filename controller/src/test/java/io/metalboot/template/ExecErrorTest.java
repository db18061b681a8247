package io.metalboot.template;

import static io.metalboot.template.TestData.f;
import static io.metalboot.template.TestData.list;
import static io.metalboot.template.TestData.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.metalboot.template.TestData.Host;
import java.util.Map;
import io.metalboot.template.TestData.Failure;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Templates that parse but fail on their data, with the exact message: where, which action, what. */
class ExecErrorTest {
    private static final Map<String, Object> DATA = map("s", "str", "l", list(1, 2, 3), "n", null,
            "m", map("k", 1), "e", map(), "h", new Host("web", 80));

    static Stream<Failure> fields() {
        return Stream.of(
                f("missing key", "{{.baseurl}}",
                        "t:1:3: executing \"t\" at <.baseurl>: map has no entry for key \"baseurl\""),
                f("missing nested key on a later line", "line\n  {{.e.b}}",
                        "t:2:5: executing \"t\" at <.e.b>: map has no entry for key \"b\""),
                f("missing key in a condition", "{{if .missing}}{{end}}",
                        "t:1:6: executing \"t\" at <.missing>: map has no entry for key \"missing\""),
                f("missing key under with", "{{with .m}}{{.zz}}{{end}}",
                        "t:1:14: executing \"t\" at <.zz>: map has no entry for key \"zz\""),
                f("field of a string", "{{.s.b}}", "t:1:3: executing \"t\" at <.s.b>: can't evaluate field b in type string"),
                f("field of a list", "{{.l.x}}",
                        "t:1:3: executing \"t\" at <.l.x>: can't evaluate field x in type []interface {}"),
                f("field of an int", "{{.m.k.z}}", "t:1:3: executing \"t\" at <.m.k.z>: can't evaluate field z in type int"),
                f("field of nil", "{{.n.x}}", "t:1:3: executing \"t\" at <.n.x>: nil pointer evaluating interface {}.x "
                        + "(the value holding .x is nil; guard it with {{with}} or {{if}})"),
                f("unknown record component", "{{.h.nope}}",
                        "t:1:3: executing \"t\" at <.h.nope>: can't evaluate field nope in type Host"),
                f("arguments to a map key", "{{.m.k 1}}",
                        "t:1:3: executing \"t\" at <.m.k>: k is not a method but has arguments"),
                f("arguments to a record component", "{{.h.name 1}}",
                        "t:1:3: executing \"t\" at <.h.name>: name has arguments but cannot be invoked as function"),
                f("arguments to a variable", "{{$x := 1}}{{$x 2}}",
                        "t:1:14: executing \"t\" at <$x>: can't give argument to non-function $x"),
                f("arguments to a string", "{{\"a\" \"b\"}}",
                        "t:1:3: executing \"t\" at <\"a\">: can't give argument to non-function \"a\""),
                f("nil as a command", "{{nil}}", "t:1:3: executing \"t\" at <nil>: nil is not a command"),
                f("assignment to an undeclared variable", "{{$x = 1}}", "t:1:8: executing \"t\" at <1>: "
                        + "undefined variable: $x (declare it with $x := … before assigning)"));
    }

    static Stream<Failure> functions() {
        return Stream.of(
                f("index out of range", "{{index .l 5}}", "t:1:3: executing \"t\" at <index .l 5>: "
                        + "error calling index: index out of range: 5 (valid indexes are 0 to 2)"),
                f("index at the length", "{{index .l 3}}", "t:1:3: executing \"t\" at <index .l 3>: "
                        + "error calling index: index out of range: 3 (valid indexes are 0 to 2)"),
                f("index of an empty list", "{{index . 0}}", "t:1:3: executing \"t\" at <index . 0>: "
                        + "error calling index: index out of range: 0 (it is empty)"),
                f("index a list with a string", "{{index .l \"x\"}}", "t:1:3: executing \"t\" at <index .l \"x\">: "
                        + "error calling index: cannot index slice/array with type string"),
                f("index a map with an int", "{{index .m 1}}", "t:1:3: executing \"t\" at <index .m 1>: "
                        + "error calling index: value has type int; should be string"),
                f("index of nil", "{{index .n 1}}",
                        "t:1:3: executing \"t\" at <index .n 1>: error calling index: index of untyped nil"),
                f("index through a missing key", "{{index .m \"z\" \"y\"}}",
                        "t:1:3: executing \"t\" at <index .m \"z\" \"y\">: error calling index: index of nil pointer"),
                f("index an int", "{{index 5 1}}",
                        "t:1:3: executing \"t\" at <index 5 1>: error calling index: can't index item of type int"),
                f("slice backwards", "{{slice .l 2 1}}",
                        "t:1:3: executing \"t\" at <slice .l 2 1>: error calling slice: invalid slice index: 2 > 1"),
                f("slice past the end", "{{slice .l 5}}", "t:1:3: executing \"t\" at <slice .l 5>: "
                        + "error calling slice: index out of range: 5 (valid indexes are 0 to 3)"),
                f("too many arguments", "{{not 1 2}}",
                        "t:1:3: executing \"t\" at <not>: wrong number of args for not: want 1 got 2"),
                f("too few arguments", "{{index}}",
                        "t:1:3: executing \"t\" at <index>: wrong number of args for index: want at least 1 got 0"),
                f("piped value counts as an argument", "{{.l | len 1}}",
                        "t:1:8: executing \"t\" at <len>: wrong number of args for len: want 1 got 2"),
                f("len of an int", "{{len 3}}", "t:1:3: executing \"t\" at <len 3>: "
                        + "error calling len: len of type int: only strings, maps and lists have a length"),
                f("compare string and int", "{{lt \"a\" 1}}", "t:1:3: executing \"t\" at <lt \"a\" 1>: "
                        + "error calling lt: incompatible types for comparison: string and int"),
                f("eq string and int", "{{eq .s 1}}", "t:1:3: executing \"t\" at <eq .s 1>: "
                        + "error calling eq: incompatible types for comparison: string and int"),
                f("eq lists", "{{eq .l .l}}", "t:1:3: executing \"t\" at <eq .l .l>: error calling eq: "
                        + "non-comparable type []interface {}: maps and lists can only be compared with nil"),
                f("order bools", "{{lt true false}}", "t:1:3: executing \"t\" at <lt true false>: "
                        + "error calling lt: invalid type for comparison: can't order bool values"),
                f("order nil", "{{gt .n 1}}", "t:1:3: executing \"t\" at <gt .n 1>: "
                        + "error calling gt: invalid type for comparison: can't order nil"),
                f("eq with one argument", "{{eq 1}}",
                        "t:1:3: executing \"t\" at <eq 1>: error calling eq: missing argument for comparison"),
                f("printf format not a string", "{{printf 3}}", "t:1:10: executing \"t\" at <3>: "
                        + "wrong type for value; expected string; got int (printf's first argument is the format)"));
    }

    static Stream<Failure> control() {
        return Stream.of(
                f("range over a float", "{{range 1.5}}{{end}}", "t:1:9: executing \"t\" at <1.5>: "
                        + "range can't iterate over 1.5 (a float64; range needs a list, map or int)"),
                f("range over a string", "{{range .s}}{{end}}", "t:1:9: executing \"t\" at <.s>: "
                        + "range can't iterate over str (a string; range needs a list, map or int)"),
                f("two variables over an int", "{{range $i, $e := 3}}{{end}}",
                        "t:1:19: executing \"t\" at <3>: can't use 3 to iterate over more than one variable"),
                f("undefined template", "{{template \"nope\"}}", "t:1:12: executing \"t\" at <{{template \"nope\"}}>: "
                        + "template \"nope\" not defined (define it with {{define \"nope\"}}…{{end}})"),
                f("error inside a define names it", "{{define \"x\"}}\n  {{.q}}{{end}}{{template \"x\" .}}",
                        "t:2:5: executing \"x\" at <.q>: map has no entry for key \"q\""),
                f("endless recursion", "{{define \"r\"}}{{template \"r\" .}}{{end}}{{template \"r\" .}}",
                        "t:1:26: executing \"r\" at <{{template \"r\" .}}>: exceeded maximum template depth (256)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"fields", "functions", "control"})
    void reportsWhereAndWhat(Failure c) {
        Object data = c.name().equals("index of an empty list") ? list() : DATA;
        TemplateException e = assertThrows(TemplateException.class, () -> TestData.render(c.template(), data));
        assertEquals(c.message(), e.getMessage());
    }

    @Test
    void customFunctionErrorsNameTheCallAndKeepTheCause() {
        IllegalArgumentException cause = new IllegalArgumentException("quote needs exactly one argument, got 2");
        Template t = Template.funcs(Map.of("quote", args -> {
            throw cause;
        })).parse("dhcpd.conf", "option domain-name {{quote .a .b}};");
        TemplateException e = assertThrows(TemplateException.class, () -> t.render(map("a", 1, "b", 2)));
        assertEquals("dhcpd.conf:1:22: executing \"dhcpd.conf\" at <quote .a .b>: "
                + "error calling quote: quote needs exactly one argument, got 2", e.getMessage());
        assertEquals(cause, e.getCause());
    }

    @Test
    void theBriefsExampleLocation() {
        String source = "storage:\n  files:\n    - path: /etc/x\n\nsystemd:\n  units:\n         {{.baseurl}}\n";
        TemplateException e = assertThrows(TemplateException.class,
                () -> Template.parse("install.yaml", source).render(map()));
        assertEquals("install.yaml:7:12: executing \"install.yaml\" at <.baseurl>: map has no entry for key \"baseurl\"",
                e.getMessage());
    }
}
