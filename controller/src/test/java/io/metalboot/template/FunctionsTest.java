package io.metalboot.template;

import static io.metalboot.template.TestData.list;
import static io.metalboot.template.TestData.map;
import static io.metalboot.template.TestData.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.metalboot.template.TestData.Case;
import io.metalboot.template.TestData.Host;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Go's builtin functions, and custom functions added with {@link Template#funcs}. */
class FunctionsTest {

    static Stream<Case> logic() {
        return Stream.of(
                ok("and returns the first false value", "{{and 1 \"x\" 0 2}}", null, "0"),
                ok("and returns the last value", "{{and 1 2}}", null, "2"),
                ok("or returns the first true value", "{{or 0 \"\" \"z\" 1}}", null, "z"),
                ok("or returns the last value", "[{{or 0 \"\"}}]", null, "[]"),
                ok("and short-circuits", "{{and false .missing}}", map(), "false"),
                ok("or short-circuits", "{{or true .missing}}", map(), "true"),
                ok("or with a piped value", "{{.a | or .b}}", map("a", "A", "b", ""), "A"),
                ok("or as a default", "{{or (index . \"port\") 8080}}", map(), "8080"),
                ok("not", "{{not 0}} {{not \"a\"}} {{not .l}}", map("l", list()), "true false true"));
    }

    static Stream<Case> collections() {
        Object data = map("l", list("a", "b", "c", "d"), "m", map("a", list("x", "y")), "s", "héllo");
        return Stream.of(
                ok("len of a string counts UTF-8 bytes", "{{len .s}}", data, "6"),
                ok("len of a list and a map", "{{len .l}} {{len .m}}", data, "4 1"),
                ok("len of an array", "{{len .}}", new int[] {1, 2, 3}, "3"),
                ok("index of a list", "{{index .l 2}}", data, "c"),
                ok("index several levels", "{{index .m \"a\" 1}}", data, "y"),
                ok("index without indexes", "{{index .l}}", data, "[a b c d]"),
                ok("index of a string is a byte", "{{index \"abc\" 1}}", null, "98"),
                ok("index with a long", "{{index .l .i}}", map("l", list("a", "b"), "i", 1L), "b"),
                ok("slice from and to", "{{slice .l 1 3}}", data, "[b c]"),
                ok("slice from", "{{slice .l 2}}", data, "[c d]"),
                ok("slice whole", "{{slice .l}}", data, "[a b c d]"),
                ok("slice up to the length", "{{slice .l 4}}", data, "[]"),
                ok("slice three indexes", "{{slice .l 1 2 3}}", data, "[b]"),
                ok("slice a string", "{{slice \"hello\" 1 3}}", null, "el"));
    }

    static Stream<Case> comparisons() {
        return Stream.of(
                ok("eq", "{{eq 1 1}} {{eq 1 2}} {{eq \"a\" \"a\"}} {{eq true true}}", null, "true false true true"),
                ok("eq with several arguments", "{{eq 2 1 2 3}} {{eq \"a\" \"b\" \"c\"}}", null, "true false"),
                ok("eq across Integer and Long", "{{eq .i .l}}", map("i", 3, "l", 3L), "true"),
                ok("eq across int and float", "{{eq 1 1.0}} {{eq .d 2}}", map("d", 2.0), "true true"),
                ok("eq nil", "{{eq .x nil}} {{eq \"a\" nil}}", map("x", null), "true false"),
                ok("eq records", "{{eq .a .b}}", map("a", new Host("h", 1), "b", new Host("h", 1)), "true"),
                ok("ne", "{{ne 1 2}} {{ne \"a\" \"a\"}}", null, "true false"),
                ok("lt le gt ge on ints", "{{lt 1 2}} {{le 2 2}} {{gt 1 2}} {{ge 2 3}}", null, "true true false false"),
                ok("ordering across int and float", "{{gt 3 2.5}} {{lt .l 2.5}}", map("l", 2L), "true true"),
                ok("ordering strings by bytes", "{{lt \"B\" \"a\"}} {{ge \"b\" \"a\"}} {{lt \"a\" \"ab\"}}", null,
                        "true true true"));
    }

    static Stream<Case> printingAndEscaping() {
        return Stream.of(
                ok("print adds spaces between non-strings", "{{print 1 2 \"a\" 3 \"b\" \"c\" nil 4}}", null,
                        "1 2a3bc<nil> 4"),
                ok("print a list", "{{print .}}", list("a", 1), "[a 1]"),
                ok("println", "{{println \"a\" 1 \"b\"}}", null, "a 1 b\n"),
                ok("printf", "{{printf \"%s=%d\" \"k\" 5}}", null, "k=5"),
                ok("html", "{{html \"<a href=\\\"x\\\">&'\"}}", null, "&lt;a href=&#34;x&#34;&gt;&amp;&#39;"),
                ok("html joins like print", "{{html 1 2 \"<\"}}", null, "1 2&lt;"),
                ok("html of nil", "{{html .x}}", map("x", null), "&lt;no value&gt;"),
                ok("js", "{{js \"it's <b>\\\"x\\\"=1\\n\"}}", null, "it\\'s \\u003Cb\\u003E\\\"x\\\"\\u003D1\\u000A"),
                ok("urlquery", "{{urlquery \"a b&c=d/é~\"}}", null, "a+b%26c%3Dd%2F%C3%A9~"),
                ok("urlquery piped", "{{.q | urlquery}}", map("q", "x y"), "x+y"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"logic", "collections", "comparisons", "printingAndEscaping"})
    void rendersLikeGo(Case c) {
        assertEquals(c.want(), TestData.render(c.template(), c.data()));
    }

    @Test
    void customFunctionsReceiveArgumentsWithThePipedValueLast() {
        List<List<Object>> calls = new ArrayList<>();
        Template t = Template.funcs(Map.of(
                        "quote", args -> "\"" + args.get(0) + "\"",
                        "record", args -> {
                            calls.add(args);
                            return args.size();
                        }))
                .parse("t", "{{quote .name}} {{.name | record 1 nil}}");
        assertEquals("\"web\" 3", t.render(map("name", "web")));
        assertEquals(List.of(list(1, null, "web")), calls);
    }

    @Test
    void customFunctionsReplaceBuiltins() {
        Template t = Template.funcs(Map.of("len", args -> "custom")).parse("t", "{{len \"abc\"}}");
        assertEquals("custom", t.render(null));
    }

    @Test
    void builderAddsFunctionsInSteps() {
        Template t = Template.funcs(Map.of("a", args -> "A")).funcs(Map.of("b", args -> "B")).parse("t", "{{a}}{{b}}");
        assertEquals("AB", t.render(null));
    }

    @Test
    void functionNamesMustBeIdentifiers() {
        TemplateException e = assertThrows(TemplateException.class, () -> Template.funcs(Map.of("to-upper", a -> a)));
        assertEquals("function name \"to-upper\" is not a valid identifier (letters, digits and '_', "
                + "not starting with a digit, and not a template keyword)", e.getMessage());
    }
}
