package io.metalboot.tftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Root confinement: every way out of DATA/tftpboot is refused with a clear reason. */
class TftpRootTest {
    @TempDir
    static Path dir;
    static Path root;

    @BeforeAll
    static void layout() throws IOException {
        root = Files.createDirectories(dir.resolve("tftpboot"));
        Files.writeString(dir.resolve("secret"), "outside");
        Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(dir.resolve("elsewhere/secret"), "outside");
        Files.writeString(root.resolve("undionly.kpxe"), "pxe");
        Files.createDirectories(root.resolve("efi"));
        Files.writeString(root.resolve("efi/ipxe.efi"), "efi");
        Files.createSymbolicLink(root.resolve("out"), dir.resolve("secret"));
        Files.createSymbolicLink(root.resolve("escape"), dir.resolve("elsewhere"));
        Files.createSymbolicLink(root.resolve("relative-out"), Path.of("../secret"));
        Files.createSymbolicLink(root.resolve("in"), Path.of("undionly.kpxe"));
        Files.createSymbolicLink(root.resolve("dangling"), Path.of("nothing-here"));
    }

    record Refusal(String name, int code, String message) {
        @Override
        public String toString() {
            return name.length() > 40 ? name.substring(0, 40) + "…" : name;
        }
    }

    static Stream<Refusal> refusals() {
        return Stream.of(
                new Refusal("../secret", 2, "access violation: .. in file name ../secret"),
                new Refusal("efi/../../secret", 2, "access violation: .. in file name efi/../../secret"),
                new Refusal("..", 2, "access violation: .. in file name .."),
                new Refusal("efi/..", 2, "access violation: .. in file name efi/.."),
                new Refusal("/etc/passwd", 2, "access violation: absolute path /etc/passwd (ask for a name relative to the TFTP root)"),
                new Refusal("//etc/passwd", 2, "access violation: absolute path //etc/passwd (ask for a name relative to the TFTP root)"),
                new Refusal("..\\secret", 2, "access violation: backslash in file name ..\\secret"),
                new Refusal("out", 2, "access violation: out leads outside the TFTP root"),
                new Refusal("relative-out", 2, "access violation: relative-out leads outside the TFTP root"),
                new Refusal("escape/secret", 2, "access violation: escape/secret leads outside the TFTP root"),
                new Refusal("a".repeat(256), 2, "access violation: file name longer than 255 characters"),
                new Refusal("undionly.kpxe\n", 2, "access violation: file name has a character outside printable ASCII"),
                new Refusal("caf\u00e9", 2, "access violation: file name has a character outside printable ASCII"),
                new Refusal("", 2, "access violation: empty file name"),
                new Refusal("missing.efi", 1, "file not found: missing.efi"),
                new Refusal("efi/missing.efi", 1, "file not found: efi/missing.efi"),
                new Refusal("dangling", 1, "file not found: dangling"),
                new Refusal("efi", 1, "not a file: efi"),
                new Refusal("efi/", 1, "not a file: efi/"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void refuses(Refusal r) {
        Refused refused = assertThrows(Refused.class, () -> new TftpRoot(root).resolve(r.name()));
        assertEquals(r.code(), refused.code());
        assertEquals(r.message(), refused.getMessage());
    }

    static Stream<String> allowed() {
        return Stream.of("undionly.kpxe", "./undionly.kpxe", "efi/ipxe.efi", "efi//ipxe.efi", "in", "efi/./ipxe.efi");
    }

    @ParameterizedTest
    @MethodSource("allowed")
    void allows(String name) throws IOException {
        Path real = new TftpRoot(root).resolve(name);
        assertEquals(true, real.startsWith(root.toRealPath()), real.toString());
    }

    @Test
    void aNameOf255CharactersIsFine() throws IOException {
        String name = "b".repeat(255);
        Files.writeString(root.resolve(name), "x");
        assertEquals(root.toRealPath().resolve(name), new TftpRoot(root).resolve(name));
    }
}
