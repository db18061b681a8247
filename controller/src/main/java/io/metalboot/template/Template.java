package io.metalboot.template;

import io.metalboot.template.Node.Sequence;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A parsed template with Go {@code text/template} semantics, run with {@code missingkey=error}.
 * Immutable and safe to render from several threads.
 *
 * <pre>{@code
 * Template t = Template.parse("install.yaml", source);
 * String out = t.render(Map.of("coreos_channel", "stable"));
 * Template q = Template.funcs(Map.of("quote", args -> "\"" + args.get(0) + "\"")).parse("dhcpd.conf", src);
 * }</pre>
 *
 * Data may be Maps with String keys, Lists, arrays, Strings, Numbers, Booleans, records (fields are
 * the record components) and null.
 */
public final class Template {
    private static final Set<String> KEYWORDS = Set.of("block", "break", "continue", "define", "else", "end",
            "if", "nil", "range", "template", "with", "true", "false");

    private final Source source;
    private final Map<String, Sequence> templates;
    private final Map<String, TemplateFunction> functions;

    private Template(Source source, Map<String, Sequence> templates, Map<String, TemplateFunction> functions) {
        this.source = source;
        this.templates = templates;
        this.functions = functions;
    }

    /**
     * Parses source with the builtin functions only.
     *
     * @param name used in every message, normally the file name
     * @throws TemplateException {@code NAME:LINE:COL: …} when the source is not a valid template
     */
    public static Template parse(String name, String source) {
        return new Builder().parse(name, source);
    }

    /** Starts a parse with custom functions added to (or replacing) the builtins. */
    public static Builder funcs(Map<String, TemplateFunction> functions) {
        return new Builder().funcs(functions);
    }

    public String name() {
        return source.name();
    }

    /**
     * Renders with data as dot and {@code $}.
     *
     * @throws TemplateException {@code NAME:LINE:COL: executing "NAME" at <…>: …} when execution fails
     */
    public String render(Object data) {
        StringBuilder out = new StringBuilder();
        try {
            new Exec(source, templates, functions, source.name(), out, 0).run(data);
        } catch (StackOverflowError e) {
            throw new TemplateException(source.name() + ": executing " + Quote.string(source.name())
                    + ": ran out of stack (templates or data nested too deeply; is a {{template}} calling itself"
                    + " without end?)", e);
        }
        return out.toString();
    }

    /** Renders into out; the output is buffered first, so a failed render writes nothing to out. */
    public void render(Object data, Appendable out) {
        String text = render(data);
        try {
            out.append(text);
        } catch (IOException e) {
            throw new TemplateException(source.name() + ": writing the rendered output failed: " + e.getMessage(), e);
        }
    }

    /** Collects custom functions, then parses; a function is checked to exist when a template uses it. */
    public static final class Builder {
        private final Map<String, TemplateFunction> functions = new LinkedHashMap<>();

        private Builder() {
        }

        /** Adds functions; a name already present (builtin or custom) is replaced. */
        public Builder funcs(Map<String, TemplateFunction> more) {
            more.forEach((name, function) -> {
                if (!isIdentifier(name) || KEYWORDS.contains(name)) {
                    throw new TemplateException("function name " + Quote.string(name)
                            + " is not a valid identifier (letters, digits and '_', not starting with a digit,"
                            + " and not a template keyword)");
                }
                functions.put(name, Objects.requireNonNull(function, () -> "function " + name + " is null"));
            });
            return this;
        }

        /**
         * @param name used in every message, normally the file name
         * @throws TemplateException {@code NAME:LINE:COL: …} when the source is not a valid template
         */
        public Template parse(String name, String source) {
            Set<String> known = new HashSet<>(Builtins.ALL.keySet());
            known.addAll(functions.keySet());
            Source src = new Source(name, source);
            return new Template(src, Map.copyOf(Parser.parse(src, known)), Map.copyOf(functions));
        }

        private static boolean isIdentifier(String name) {
            if (name == null || name.isEmpty() || Character.isDigit(name.codePointAt(0))) {
                return false;
            }
            return name.codePoints().allMatch(ActionLexer::isAlphaNumeric);
        }
    }
}
