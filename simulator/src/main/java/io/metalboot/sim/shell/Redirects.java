package io.metalboot.sim.shell;

import io.metalboot.sim.fs.RouterFs;
import io.metalboot.sim.shell.Node.Redir;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Applies redirections to a copy of the current file descriptors; /dev/null, /dev/stdout and /dev/stderr are devices. */
final class Redirects {
    private Redirects() {
    }

    /** The redirected descriptors and the files opened for them (closed after the command). */
    record Applied(Io io, List<Closeable> opened) {
        void close() {
            for (Closeable c : opened) {
                try {
                    c.close();
                } catch (IOException e) {
                    // the command already ran; a failing close has nothing left to report to
                }
            }
        }
    }

    /** Empty (after printing the shell's error message) when a redirection fails: the command does not run, status 1. */
    static Optional<Applied> apply(Interp ip, List<Redir> redirs) throws InterruptedException {
        Io io = ip.io.copy();
        List<Closeable> opened = new ArrayList<>();
        Dialect d = ip.ctx.dialect();
        for (Redir r : redirs) {
            String op = r.op();
            if (r.hereDoc().isPresent()) {
                HereDoc doc = r.hereDoc().get();
                String body = doc.expand ? ip.expander.string(doc.body()) : ((Word.Lit) doc.body().parts().get(0)).text();
                io.set(r.fd(), new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
                continue;
            }
            String target = ip.expander.string(r.target());
            if (op.equals(">&") || op.equals("<&")) {
                if (target.equals("-")) {
                    io.set(r.fd(), null);
                } else if (target.matches("[0-9]")) {
                    io.set(r.fd(), io.get(Integer.parseInt(target)));
                } else {
                    io.err().println(d.error(target + ": bad file descriptor"));
                    closeAll(opened);
                    return Optional.empty();
                }
                continue;
            }
            String path = RouterFs.normalize(target, ip.st.cwd);
            boolean input = op.equals("<") || op.equals("<>");
            Optional<Object> device = device(path, io, input);
            if (device.isPresent()) {
                io.set(r.fd(), device.get());
                continue;
            }
            try {
                if (input) {
                    io.set(r.fd(), new ByteArrayInputStream(ip.ctx.fs().readBytes(path)));
                } else {
                    PrintStream out = new PrintStream(ip.ctx.fs().open(path, op.equals(">>")), true, StandardCharsets.UTF_8);
                    opened.add(out);
                    io.set(r.fd(), out);
                }
            } catch (IOException e) {
                String errno = ip.ctx.fs().isDirectory(path) ? "Is a directory" : Errno.of(e);
                if (errno.equals(Errno.ENOSPC) && op.equals(">") || errno.equals(Errno.ENOSPC) && op.equals(">|")) {
                    truncate(ip, path);
                }
                io.err().println(input ? d.cantOpen(target, errno) : d.cantCreate(target, errno));
                closeAll(opened);
                return Optional.empty();
            }
        }
        return Optional.of(new Applied(io, opened));
    }

    /**
     * On a full disk a real {@code >} still opens and truncates the file (only the write fails), so
     * the old content is gone: {@code cat new > /config/config.boot} destroys the config.
     */
    private static void truncate(Interp ip, String path) {
        java.nio.file.Path host = ip.ctx.fs().resolve(path);
        try {
            if (java.nio.file.Files.isRegularFile(host)) {
                java.nio.file.Files.write(host, new byte[0]);
            }
        } catch (IOException e) {
            // nothing more to lose
        }
    }

    private static Optional<Object> device(String path, Io io, boolean input) {
        return switch (path) {
            case "/dev/null" -> Optional.of(input ? Io.EMPTY : Io.NULL);
            case "/dev/stdout" -> Optional.ofNullable(io.get(1));
            case "/dev/stderr" -> Optional.ofNullable(io.get(2));
            case "/dev/stdin" -> Optional.ofNullable(io.get(0));
            default -> Optional.empty();
        };
    }

    private static void closeAll(List<Closeable> opened) {
        new Applied(null, opened).close();
    }
}
