package io.metalboot.template;

import static io.metalboot.template.TestData.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The public surface: rendering into an Appendable, reuse, names. */
class TemplateApiTest {

    @Test
    void rendersIntoAnAppendable() {
        StringBuilder out = new StringBuilder("> ");
        Template.parse("t", "hello {{.}}").render("world", out);
        assertEquals("> hello world", out.toString());
    }

    @Test
    void aFailedRenderWritesNothing() {
        StringBuilder out = new StringBuilder("kept");
        Template t = Template.parse("t", "partial output {{.missing}} more");
        assertThrows(TemplateException.class, () -> t.render(map(), out));
        assertEquals("kept", out.toString());
    }

    @Test
    void aFailingWriterIsReportedWithItsCause() {
        IOException cause = new IOException("disk full");
        Writer broken = new Writer() {
            @Override
            public void write(char[] buf, int off, int len) throws IOException {
                throw cause;
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        TemplateException e = assertThrows(TemplateException.class,
                () -> Template.parse("boot.ipxe", "#!ipxe").render(null, broken));
        assertEquals("boot.ipxe: writing the rendered output failed: disk full", e.getMessage());
        assertEquals(cause, e.getCause());
    }

    @Test
    void oneTemplateRendersManyTimesAndInParallel() {
        Template t = Template.parse("t", "{{range $i := .}}{{$i}}{{end}}");
        List<String> outputs = IntStream.range(0, 64).parallel().mapToObj(t::render).toList();
        for (int n = 0; n < outputs.size(); n++) {
            StringBuilder want = new StringBuilder();
            IntStream.range(0, n).forEach(want::append);
            assertEquals(want.toString(), outputs.get(n));
        }
    }

    @Test
    void knowsItsName() {
        assertEquals("install.ipxe", Template.parse("install.ipxe", "").name());
    }

    @Test
    void emptySourceRendersNothing() {
        assertEquals("", Template.parse("t", "").render(null));
    }
}
