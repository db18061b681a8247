package io.metalboot.sim.shell;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.List;

/** The strerror text a real program would print for a file-system failure. */
final class Errno {
    static final String ENOENT = "No such file or directory";
    static final String ENOSPC = "No space left on device";
    private static final List<String> KNOWN = List.of(ENOSPC, "Is a directory", "Not a directory", "Permission denied",
            "Directory not empty", "File exists", ENOENT);

    private Errno() {
    }

    static String of(IOException e) {
        if (e instanceof NoSuchFileException) {
            return ENOENT;
        }
        if (e instanceof FileAlreadyExistsException) {
            return "File exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "Directory not empty";
        }
        if (e instanceof NotDirectoryException) {
            return "Not a directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        String message = e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                : String.valueOf(e.getMessage());
        return KNOWN.stream().filter(message::contains).findFirst().orElse(message);
    }

    static boolean missing(IOException e) {
        String errno = of(e);
        return errno.equals(ENOENT) || errno.equals("Not a directory");
    }
}
