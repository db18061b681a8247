package io.metalboot.template;

/**
 * A template that does not parse or does not render. The message starts with {@code NAME:LINE:COL:}
 * (1-based line and column of the offending action or value) and then says what is wrong, e.g.
 * {@code install.yaml:7:12: executing "install.yaml" at <.baseurl>: map has no entry for key "baseurl"}.
 * Custom {@link TemplateFunction}s may throw it (or any other unchecked exception) to fail a render;
 * the engine then reports {@code error calling NAME: MESSAGE} at the call site.
 */
public class TemplateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
