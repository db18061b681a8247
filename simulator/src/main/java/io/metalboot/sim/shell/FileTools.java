package io.metalboot.sim.shell;

import static io.metalboot.sim.shell.ToolSupport.gnu;
import static io.metalboot.sim.shell.ToolSupport.path;
import static io.metalboot.sim.shell.ToolSupport.wrap;

import io.metalboot.sim.fs.RouterFs;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.util.List;

/** cat mkdir rm mv cp touch (ls, chmod, mktemp: {@link ListTools}). Every access goes through the RouterFs. */
final class FileTools {
    private FileTools() {
    }

    static void register(CommandTable t) {
        t.register("cat", wrap("cat", FileTools::cat));
        t.register("mkdir", wrap("mkdir", FileTools::mkdir));
        t.register("rm", wrap("rm", FileTools::rm));
        t.register("mv", wrap("mv", inv -> moveOrCopy(inv, true)));
        t.register("cp", wrap("cp", inv -> moveOrCopy(inv, false)));
        t.register("touch", wrap("touch", FileTools::touch));
        ListTools.register(t);
    }

    private static int cat(Invocation inv) throws InterruptedException {
        ToolSupport.Opts o = ToolSupport.options(inv.operands(), "u", "", false);
        int status = 0;
        for (String arg : ToolSupport.inputs(o.operands())) {
            try {
                byte[] data = ToolSupport.input(inv, arg);
                inv.stdout().write(data, 0, data.length);
                inv.stdout().flush();
            } catch (IOException e) {
                boolean dir = Errno.of(e).equals("Is a directory");
                inv.stderr().println("cat: " + (dir && !gnu(inv) ? "read error: Is a directory" : ToolSupport.cantOpen(inv, arg, e)));
                status = 1;
            }
        }
        return status;
    }

    private static int mkdir(Invocation inv) {
        ToolSupport.Opts o = ToolSupport.options(inv.operands(), "p", "m", false);
        if (o.operands().isEmpty()) {
            throw new ToolSupport.Usage("missing operand");
        }
        int status = 0;
        for (String arg : o.operands()) {
            try {
                if (!o.has('p') || !inv.fs().isDirectory(path(inv, arg))) {
                    inv.fs().mkdir(path(inv, arg), o.has('p'));
                }
            } catch (IOException e) {
                inv.stderr().println("mkdir: " + (gnu(inv) ? "cannot" : "can't") + " create directory '" + arg + "': " + Errno.of(e));
                status = 1;
            }
        }
        return status;
    }

    private static int rm(Invocation inv) {
        ToolSupport.Opts o = ToolSupport.options(inv.operands(), "frRi", "", false);
        boolean recursive = o.has('r') || o.has('R');
        int status = 0;
        for (String arg : o.operands()) {
            String p = path(inv, arg);
            if (!inv.fs().exists(p)) {
                if (!o.has('f')) {
                    inv.stderr().println("rm: " + (gnu(inv) ? "cannot" : "can't") + " remove '" + arg + "': " + Errno.ENOENT);
                    status = 1;
                }
                continue;
            }
            if (inv.fs().isDirectory(p) && !recursive) {
                inv.stderr().println(gnu(inv) ? "rm: cannot remove '" + arg + "': Is a directory" : "rm: '" + arg + "' is a directory");
                status = 1;
                continue;
            }
            try {
                inv.fs().delete(p, recursive);
            } catch (IOException e) {
                inv.stderr().println("rm: " + (gnu(inv) ? "cannot" : "can't") + " remove '" + arg + "': " + Errno.of(e));
                status = 1;
            }
        }
        return status;
    }

    private static int moveOrCopy(Invocation inv, boolean move) throws InterruptedException {
        String tool = move ? "mv" : "cp";
        ToolSupport.Opts o = ToolSupport.options(inv.operands(), move ? "fin" : "fipraRdP", "", false);
        List<String> args = o.operands();
        if (args.size() < 2) {
            throw new ToolSupport.Usage(args.isEmpty() ? "missing file operand" : "missing destination file operand after '" + args.get(0) + "'");
        }
        String dest = args.get(args.size() - 1);
        boolean intoDir = inv.fs().isDirectory(path(inv, dest));
        if (args.size() > 2 && !intoDir) {
            throw new ToolSupport.Usage("target '" + dest + "' is not a directory");
        }
        boolean recursive = o.has('r') || o.has('R') || o.has('a');
        int status = 0;
        for (String src : args.subList(0, args.size() - 1)) {
            String from = path(inv, src);
            String to = intoDir ? RouterFs.normalize(from.substring(from.lastIndexOf('/') + 1), path(inv, dest)) : path(inv, dest);
            boolean devNull = from.equals("/dev/null");
            if (!devNull && !inv.fs().exists(from)) {
                inv.stderr().println(tool + ": " + (gnu(inv) ? "cannot stat '" : move ? "can't rename '" : "can't stat '") + src + "': " + Errno.ENOENT);
                status = 1;
                continue;
            }
            if (!move && inv.fs().isDirectory(from) && !recursive) {
                inv.stderr().println(tool + ": " + (gnu(inv) ? "-r not specified; omitting directory '" + src + "'" : "omitting directory '" + src + "'"));
                status = 1;
                continue;
            }
            try {
                if (devNull) {
                    inv.fs().write(to, new byte[0]);
                } else if (move) {
                    inv.fs().move(from, to);
                } else {
                    copy(inv, from, to);
                }
            } catch (IOException e) {
                String what = gnu(inv) ? (move ? "cannot move '" + src + "' to '" + dest + "'" : "cannot create regular file '" + dest + "'")
                        : (move ? "can't rename '" + src + "'" : "can't create '" + dest + "'");
                inv.stderr().println(tool + ": " + what + ": " + Errno.of(e));
                status = 1;
            }
        }
        return status;
    }

    private static void copy(Invocation inv, String from, String to) throws IOException {
        if (!inv.fs().isDirectory(from)) {
            inv.fs().copy(from, to);
            return;
        }
        inv.fs().mkdir(to, true);
        for (String name : inv.fs().list(from)) {
            copy(inv, from + "/" + name, to + "/" + name);
        }
    }

    private static int touch(Invocation inv) {
        ToolSupport.Opts o = ToolSupport.options(inv.operands(), "cam", "dt", false);
        int status = 0;
        for (String arg : o.operands()) {
            String p = path(inv, arg);
            try {
                if (inv.fs().exists(p)) {
                    Files.setLastModifiedTime(inv.fs().resolve(p), FileTime.fromMillis(System.currentTimeMillis()));
                } else if (!o.has('c')) {
                    try (OutputStream out = inv.fs().open(p, true)) {
                        out.flush();
                    }
                }
            } catch (IOException e) {
                inv.stderr().println("touch: " + (gnu(inv) ? "cannot touch '" + arg + "'" : arg) + ": " + Errno.of(e));
                status = 1;
            }
        }
        return status;
    }
}
