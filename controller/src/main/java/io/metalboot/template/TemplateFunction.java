package io.metalboot.template;

import java.util.List;

/**
 * A function callable from a template, like an entry of Go's {@code template.FuncMap}. It receives the
 * evaluated arguments (the piped value, if any, last; {@code null} for nil) and returns the result.
 * To fail the render, throw an unchecked exception whose message says what was wrong.
 */
@FunctionalInterface
public interface TemplateFunction {
    Object apply(List<Object> args);
}
