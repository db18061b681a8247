package io.metalboot.boot.render;

import io.metalboot.boot.BootException;
import io.metalboot.boot.select.Match;
import io.metalboot.template.Template;
import io.metalboot.template.TemplateException;

/** A template rendered with a match's data; a template that fails is a 500 naming its file and line, never a 404. */
final class Templates {
    private Templates() {
    }

    static String render(Template t, Match m) {
        try {
            return t.render(m.templateData());
        } catch (TemplateException e) {
            throw BootException.broken(e.getMessage(), e);
        }
    }
}
