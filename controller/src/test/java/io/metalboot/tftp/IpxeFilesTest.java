package io.metalboot.tftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IpxeFilesTest {
    @TempDir
    Path dir;

    private Path debian() throws IOException {
        Path debian = Files.createDirectories(dir.resolve("usr-lib-ipxe"));
        Files.writeString(debian.resolve("undionly.kpxe"), "debian kpxe");
        Path boot = Files.createDirectories(dir.resolve("boot"));
        Files.writeString(boot.resolve("ipxe.efi"), "debian efi");
        Files.createSymbolicLink(debian.resolve("ipxe.efi"), boot.resolve("ipxe.efi")); // as Debian ships it
        return debian;
    }

    @Test
    void copiesDebiansFilesFollowingLinksAndKeepsFilesAlreadyThere() throws IOException {
        Path tftpboot = dir.resolve("data/tftpboot");
        Files.createDirectories(tftpboot);
        Files.writeString(tftpboot.resolve("undionly.kpxe"), "my own build");
        IpxeFiles.Report report = IpxeFiles.populate(tftpboot, Optional.empty(), debian());
        assertEquals(new IpxeFiles.Report(List.of("ipxe.efi"), List.of("undionly.kpxe"), List.of("snponly.efi")), report);
        assertEquals("my own build", Files.readString(tftpboot.resolve("undionly.kpxe")));
        assertEquals("debian efi", Files.readString(tftpboot.resolve("ipxe.efi")));
        assertEquals(false, Files.isSymbolicLink(tftpboot.resolve("ipxe.efi")));
        try (var names = Files.list(tftpboot)) {
            assertEquals(2, names.count(), "no partial files left");
        }
    }

    @Test
    void aDirectoryTheUserNamesReplacesWhatIsThere() throws IOException {
        Path tftpboot = Files.createDirectories(dir.resolve("data/tftpboot"));
        Files.writeString(tftpboot.resolve("undionly.kpxe"), "old");
        Path mine = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(mine.resolve("undionly.kpxe"), "new");
        Files.writeString(mine.resolve("snponly.efi"), "snp");
        IpxeFiles.Report report = IpxeFiles.populate(tftpboot, Optional.of(mine), debian());
        assertEquals(new IpxeFiles.Report(List.of("undionly.kpxe", "snponly.efi"), List.of(), List.of("ipxe.efi")), report);
        assertEquals("new", Files.readString(tftpboot.resolve("undionly.kpxe")));
    }

    @Test
    void noDebianPackageLeavesEverythingMissing() {
        IpxeFiles.Report report = IpxeFiles.populate(dir.resolve("data/tftpboot"), Optional.empty(), dir.resolve("none"));
        assertEquals(new IpxeFiles.Report(List.of(), List.of(), IpxeFiles.NAMES), report);
    }

    @Test
    void aUserDirectoryWithoutTheFilesIsAnError() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        TftpException e = assertThrows(TftpException.class,
                () -> IpxeFiles.populate(dir.resolve("tftpboot"), Optional.of(empty), dir.resolve("none")));
        assertEquals("--ipxe-from " + empty + " holds none of undionly.kpxe, ipxe.efi, snponly.efi; give the directory"
                + " with the iPXE binaries (e.g. /usr/lib/ipxe)", e.getMessage());
        TftpException missing = assertThrows(TftpException.class,
                () -> IpxeFiles.populate(dir.resolve("tftpboot"), Optional.of(dir.resolve("nowhere")), dir.resolve("none")));
        assertEquals("--ipxe-from " + dir.resolve("nowhere") + " is not a directory; give the directory that holds"
                + " undionly.kpxe and ipxe.efi (Debian's ipxe package puts them in /usr/lib/ipxe)", missing.getMessage());
    }
}
