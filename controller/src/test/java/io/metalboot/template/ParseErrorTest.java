package io.metalboot.template;

import static io.metalboot.template.TestData.f;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.metalboot.template.TestData.Failure;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Templates that do not parse, and the exact NAME:LINE:COL message each one gets. */
class ParseErrorTest {
    static Stream<Failure> syntax() {
        return Stream.of(
                f("unclosed action", "ok\n  {{.x", "t:2:3: unclosed action: no \"}}\" before the end of the input"),
                f("unclosed action with pipeline", "{{template \"x\"",
                        "t:1:1: unclosed action: no \"}}\" before the end of the input"),
                f("unclosed comment", "{{/* unclosed", "t:1:1: unclosed comment: no \"*/\" before the end of the input"),
                f("comment not closed by }}", "{{/* a */ }}",
                        "t:1:10: comment ends before closing delimiter: \"*/\" must be followed by \"}}\" or \" -}}\""),
                f("unterminated string", "{{\"abc}}", "t:1:3: unterminated quoted string"),
                f("unterminated string on a later line", "{{ printf \"%d\"\n   .x \n  \"open }}",
                        "t:3:3: unterminated quoted string"),
                f("bad escape", "{{\"a\\q\"}}",
                        "t:1:3: malformed string \"a\\q\" (invalid escape or quote; see Go's string literal syntax)"),
                f("two characters in a char constant", "{{'ab'}}",
                        "t:1:3: malformed character constant: 'ab' (a character constant holds exactly one character)"),
                f("bad character after a field", "{{.a+1}}", "t:1:5: bad character U+002B '+'"),
                f("bad number", "{{3x}}", "t:1:3: bad number syntax: \"3x\""),
                f("bad octal", "{{08}}", "t:1:3: illegal number syntax: \"08\""),
                f("integer overflow", "{{99999999999999999999}}",
                        "t:1:3: integer overflow: \"99999999999999999999\" does not fit in a 64-bit int"),
                f("complex number", "{{1i}}",
                        "t:1:3: complex number 1i is not supported (templates here have no complex numbers)"),
                f("unclosed paren", "{{(.a}}", "t:1:3: unclosed left paren: \"(\" has no matching \")\" in this action"),
                f("unexpected paren", "{{.a)}}", "t:1:5: unexpected right paren: no \"(\" is open"),
                f("unexpected character", "{{#}}", "t:1:3: unexpected \"#\" in command"),
                f("field after a literal", "{{\"a\".b}}", "t:1:3: unexpected . after term \"\\\"a\\\"\""),
                f("value as a pipeline stage", "{{ .x | 3 }}", "t:1:9: non executable command in pipeline stage 2: "
                        + "3 is a value, not a function to pass the piped value to"),
                f("empty pipeline stage", "{{.x | | .y}}", "t:1:8: unexpected \"|\" in command"));
    }

    static Stream<Failure> structure() {
        return Stream.of(
                f("unexpected end", "a\n{{end}}",
                        "t:2:1: unexpected {{end}}: no {{if}}, {{with}}, {{range}}, {{define}} or {{block}} is open here"),
                f("unexpected else", "{{else}}",
                        "t:1:1: unexpected {{else}}: {{else}} belongs inside {{if}}, {{with}} or {{range}}"),
                f("missing end names the innermost block", "{{if .x}}\n{{range .y}}\n",
                        "t:2:1: missing {{end}} for the {{range}} opened here (the input ends at line 3)"),
                f("missing end after else", "x\n  {{if .x}}{{else}}",
                        "t:2:3: missing {{end}} for the {{if}} opened here (the input ends at line 2)"),
                f("missing end of define", "{{define \"d\"}}x",
                        "t:1:1: missing {{end}} for the {{define}} opened here (the input ends at line 1)"),
                f("second else", "{{if .a}}{{else}}{{else}}{{end}}",
                        "t:1:18: expected {{end}}; found a second {{else}} in this {{if}}"),
                f("else if in range", "{{range .l}}{{else if .x}}{{end}}",
                        "t:1:13: {{else if}} is not allowed in {{range}}; write {{else}}{{if …}}…{{end}} instead"),
                f("else with in if", "{{if .l}}{{else with .x}}{{end}}",
                        "t:1:10: {{else with}} is not allowed in {{if}}; write {{else}}{{with …}}…{{end}} instead"),
                f("else in define", "{{define \"a\"}}{{else}}{{end}}", "t:1:15: unexpected {{else}} in define clause"),
                f("define inside if", "{{if .a}}{{define \"x\"}}{{end}}{{end}}", "t:1:12: unexpected {{define}} inside "
                        + "an action or block: {{define}} is only allowed at the top level of the file"),
                f("end with an argument", "{{end x}}", "t:1:7: unexpected \"x\" in end"),
                f("if without a value", "{{if}}", "t:1:5: missing value for if"),
                f("with without a value", "{{with}}", "t:1:7: missing value for with"),
                f("block without a value", "{{block \"b\"}}{{end}}", "t:1:12: missing value for block clause"),
                f("template name not a string", "{{template .name}}",
                        "t:1:12: unexpected \".name\" in template clause: the template name must be a quoted string constant"),
                f("break outside range", "{{break}}",
                        "t:1:1: {{break}} outside {{range}}: it only works inside a {{range}} body"),
                f("continue after range", "{{range .}}{{end}}{{continue}}",
                        "t:1:19: {{continue}} outside {{range}}: it only works inside a {{range}} body"),
                f("defined twice", "{{define \"a\"}}x{{end}}{{define \"a\"}}y{{end}}",
                        "t:1:23: multiple definition of template \"a\" (first defined at t:1:1); "
                                + "each {{define}} or {{block}} name may be used once"),
                f("define named like the file", "top{{define \"t\"}}x{{end}}",
                        "t:1:4: multiple definition of template \"t\": the file's top level is already template \"t\"; "
                                + "give this {{define}} or {{block}} another name"));
    }

    static Stream<Failure> names() {
        return Stream.of(
                f("undefined variable", "{{$x}}", "t:1:3: undefined variable \"$x\""),
                f("variable of the caller is not visible in a define", "{{$x := 1}}{{define \"t2\"}}{{$x}}{{end}}",
                        "t:1:29: undefined variable \"$x\""),
                f("variable ends with its block", "{{if .}}{{$x := 1}}{{end}}{{$x}}", "t:1:29: undefined variable \"$x\""),
                f("undefined function", "a\nb\n  {{ .x | nope }}", "t:3:11: function \"nope\" not defined"),
                f("call is not provided", "{{call .f}}", "t:1:3: function \"call\" not defined"),
                f("too many declarations", "{{$x, $y := 2}}", "t:1:3: too many declarations in command"),
                f("three range variables", "{{range $a, $b, $c := .}}{{end}}", "t:1:13: too many declarations in range"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"syntax", "structure", "names"})
    void reportsWhereAndWhat(Failure c) {
        TemplateException e = assertThrows(TemplateException.class, () -> Template.parse("t", c.template()));
        assertEquals(c.message(), e.getMessage());
    }
}
