package io.metalboot.boot.http;

import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.metalboot.boot.BootException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /assets/…}: regular files under {@code DATA/assets}, streamed, with HEAD, one byte range,
 * ETag and Last-Modified ({@link Preconditions}). The request path is normalised once (empty and
 * {@code .} segments dropped; {@code ..} refused) and everything is decided on that: hidden names
 * and {@code .part} downloads are never served, nor is a file whose real path (links resolved)
 * lies outside {@code DATA/assets}. A link inside {@code assets/} to another file inside it is
 * served. The directory is looked up per request, so {@code assets/} made after start is served.
 */
final class Assets {
    static final String PREFIX = "/assets/";
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final int BUFFER = 64 * 1024;
    /** The longest file name Linux file systems allow. */
    static final int MAX_NAME = 255;
    private final Path root;

    Assets(Path dataRoot) {
        this(dataRoot, "assets");
    }

    /** Files under {@code DATA/dir}, asked for under any one-segment prefix ({@code /loaders/} for {@code tftpboot/}). */
    Assets(Path dataRoot, String dir) {
        this.root = dataRoot.resolve(dir);
    }

    /** A file that may be served: its real path and its attributes. */
    record Found(Path file, BasicFileAttributes attributes) {
    }

    /** The file {@code path} (decoded, starting with /assets/) names, or the refusal. */
    Found find(String path) {
        List<String> segments = segments(path);
        refuseHidden(path, segments);
        if (segments.isEmpty()) {
            throw new BootException(403, path + ": directories are not listed; ask for a file under it");
        }
        Path file = root.resolve(String.join("/", segments));
        Path real;
        Path realRoot;
        try {
            real = file.toRealPath();
            realRoot = root.toRealPath();
        } catch (NoSuchFileException e) {
            throw BootException.notFound(path + ": no such file under " + root);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new BootException(403, path + ": the server may not read it (check the permissions under " + root + ")");
        } catch (java.nio.file.FileSystemException e) {
            // not a directory where the path goes on, a loop of links: nothing to serve there
            throw BootException.notFound(path + ": no such file under " + root + " (" + e.getReason() + ")");
        } catch (IOException e) {
            throw BootException.broken(path + ": cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!real.startsWith(realRoot)) {
            throw new BootException(403, path + ": a link that leads out of " + root + "; only files inside it are served"
                    + " (copy the file in instead of linking to it)");
        }
        refuseHidden(path, segments(PREFIX + realRoot.relativize(real).toString()));
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw BootException.broken(path + ": cannot read " + file + ": " + e.getMessage(), e);
        }
        if (a.isDirectory()) {
            throw new BootException(403, path + ": directories are not listed; ask for a file under it");
        }
        if (!a.isRegularFile()) {
            throw new BootException(403, path + ": not a regular file (a device, pipe or socket is never served)");
        }
        return new Found(real, a);
    }

    /** The path's segments after its first (/assets/), without empty and {@code .} ones; {@code ..} is refused. */
    static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.substring(path.indexOf('/', 1) + 1).split("/")) {
            if (s.equals("..")) {
                throw BootException.notFound(path + ": '..' is not allowed in an asset path");
            }
            if (s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_NAME) {
                throw BootException.notFound(path + ": a name in the path is longer than " + MAX_NAME + " bytes, which no file has");
            }
            if (!s.isEmpty() && !s.equals(".")) {
                out.add(s);
            }
        }
        return out;
    }

    private static void refuseHidden(String path, List<String> segments) {
        for (String s : segments) {
            if (s.startsWith(".") || s.endsWith(".part")) {
                // assets fetch keeps its lock and unverified downloads there: never hand them to a machine
                throw BootException.notFound(path + ": hidden files and downloads in progress (.part) are not served");
            }
        }
    }

    /** Answers GET or HEAD for {@code found}; true when a body (whole or range) was or would be sent. */
    static boolean send(ServerRequest req, ServerResponse res, Found found) throws IOException {
        BasicFileAttributes a = found.attributes();
        String etag = "\"" + Long.toHexString(a.size()) + "-" + Long.toHexString(a.lastModifiedTime().toMillis())
                + "-" + Integer.toHexString(a.fileKey() == null ? 0 : a.fileKey().hashCode()) + "\"";
        var h = req.headers();
        boolean head = req.prologue().method().text().equals("HEAD");
        Preconditions.Request r = new Preconditions.Request(!head, h.first(HeaderNames.IF_MATCH), h.first(HeaderNames.IF_NONE_MATCH),
                h.first(HeaderNames.IF_MODIFIED_SINCE), h.first(HeaderNames.IF_UNMODIFIED_SINCE), h.first(HeaderNames.RANGE),
                h.first(HeaderNames.IF_RANGE));
        Preconditions.Answer answer = Preconditions.decide(r, etag, a.lastModifiedTime().toInstant(), a.size());
        res.header(HeaderNames.ETAG, etag);
        res.header(HeaderNames.LAST_MODIFIED, HTTP_DATE.format(a.lastModifiedTime().toInstant()));
        res.header(HeaderNames.ACCEPT_RANGES, "bytes");
        res.status(Status.create(answer.status()));
        switch (answer.status()) {
            case 304, 412 -> {
                res.send();
                return false;
            }
            case 416 -> {
                res.header(HeaderNames.CONTENT_RANGE, "bytes */" + a.size());
                res.header(HeaderNames.CONTENT_TYPE, BootRoutes.TEXT);
                BootRoutes.send(req, res, BootRoutes.TEXT, "the range " + r.range().orElse("") + " is outside the file's "
                        + a.size() + " bytes; ask for bytes=0-" + Math.max(0, a.size() - 1) + " or less\n");
                return false;
            }
            default -> {
            }
        }
        if (answer.status() == 206) {
            res.header(HeaderNames.CONTENT_RANGE, "bytes " + answer.first() + "-" + answer.last() + "/" + a.size());
        }
        res.header(HeaderNames.CONTENT_TYPE, MediaTypes.detectType(found.file().getFileName().toString())
                .map(t -> t.text()).orElse("application/octet-stream"));
        res.header(HeaderNames.CONTENT_LENGTH, Long.toString(answer.length()));
        if (head) {
            res.send();
            return true;
        }
        try (FileChannel in = FileChannel.open(found.file()); OutputStream out = res.outputStream()) {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(BUFFER, Math.max(1, answer.length())));
            long position = answer.first();
            long left = answer.length();
            while (left > 0) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), left));
                int n = in.read(buffer, position);
                if (n < 0) {
                    throw new IOException(found.file() + " became shorter while it was sent (" + left + " bytes missing)");
                }
                out.write(buffer.array(), 0, n);
                position += n;
                left -= n;
            }
        }
        return true;
    }
}
