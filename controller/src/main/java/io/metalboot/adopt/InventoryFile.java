package io.metalboot.adopt;

import io.metalboot.inventory.InventoryException;
import io.metalboot.inventory.InventoryLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Arrays;

/**
 * Adopting into the file itself: the new text goes to a temporary file beside the inventory (the real file, when
 * the inventory is a link), is read back and validated from there, and only then renamed over the inventory. A
 * failure at any point leaves the inventory as it was and no temporary file behind.
 */
public final class InventoryFile {
    private InventoryFile() {
    }

    public static Adopted adopt(Path file, Adoption a) {
        Path real;
        byte[] before;
        try {
            real = file.toRealPath();
            before = Files.readAllBytes(real);
        } catch (IOException e) {
            InventoryLoader.load(file); // says "no such file" with its hint, or why it cannot be read
            throw new InventoryException(file.toString(), "cannot read: " + e.getMessage(), e);
        }
        Adopted adopted = InventoryEdit.add(file.toString(), new String(before, StandardCharsets.UTF_8), a);
        Path tmp = null;
        try {
            tmp = Files.createTempFile(real.toAbsolutePath().getParent(), "." + real.getFileName() + ".", ".tmp");
            copyMode(real, tmp);
            Files.writeString(tmp, adopted.text(), StandardCharsets.UTF_8);
            InventoryLoader.parse(file.toString(), Files.readString(tmp, StandardCharsets.UTF_8));
            if (!Arrays.equals(before, Files.readAllBytes(real))) {
                throw new InventoryException(file.toString(), "changed while " + a.name() + " was being added; nothing was written"
                        + " (run the command again)", null);
            }
            try {
                Files.move(tmp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, real, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            return adopted;
        } catch (IOException e) {
            throw new InventoryException(file.toString(), "cannot write the inventory with " + a.name() + " added: " + e.getMessage()
                    + "; it was left as it was", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // the temporary file stays beside the inventory; it holds nothing secret
                }
            }
        }
    }

    private static void copyMode(Path from, Path to) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (view != null) {
            view.setPermissions(Files.getPosixFilePermissions(from));
        }
    }
}
