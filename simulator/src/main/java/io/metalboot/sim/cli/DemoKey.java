package io.metalboot.sim.cli;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The demo's SSH login key: an ECDSA P-256 pair in the working directory, the private half 0600 from the start. */
record DemoKey(Path privateKey, String publicKey) {
    static DemoKey create(Path dir) throws IOException {
        Path file = dir.resolve("id_ecdsa");
        Path pub = dir.resolve("id_ecdsa.pub");
        if (Files.exists(file) && Files.exists(pub)) {
            return new DemoKey(file, Files.readString(pub, StandardCharsets.UTF_8));
        }
        try {
            KeyPair pair = KeyPair.genKeyPair(new JSch(), KeyPair.ECDSA, 256);
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream o = Files.newOutputStream(file)) {
                pair.writePrivateKey(o);
            }
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            pair.writePublicKey(line, "metalboot-demo");
            String text = line.toString(StandardCharsets.UTF_8);
            Files.writeString(pub, text);
            return new DemoKey(file, text);
        } catch (JSchException e) {
            throw new IOException("cannot generate the demo's SSH key: " + e.getMessage(), e);
        }
    }
}
