package io.metalboot.router.ssh;

import io.metalboot.router.RouterAgentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An OpenSSH known_hosts file, read afresh for every check: plain names, comma lists, {@code *}/{@code ?}
 * wildcards, {@code !} negations and hashed {@code |1|salt|hash} names. Lines with a marker
 * ({@code @cert-authority}, {@code @revoked}) are not host keys and are skipped.
 */
final class KnownHostsFile {
    /** One host key line for a host: its 1-based line number and key. */
    record Entry(int line, PublicKeyBlob key) {
    }

    /** The outcome of checking an offered key: known, unknown, or changed from {@code known}. */
    sealed interface Verdict {
        record Known(Entry entry) implements Verdict {
        }

        record Unknown() implements Verdict {
        }

        record Changed(Entry known) implements Verdict {
        }
    }

    private final Path file;

    KnownHostsFile(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** Checks {@code offered} against the keys of the same type recorded for {@code name}. */
    Verdict check(String name, PublicKeyBlob offered) {
        List<Entry> sameType = entriesFor(name).stream().filter(e -> e.key().type().equals(offered.type())).toList();
        for (Entry e : sameType) {
            if (e.key().sameKey(offered)) {
                return new Verdict.Known(e);
            }
        }
        return sameType.isEmpty() ? new Verdict.Unknown() : new Verdict.Changed(sameType.getFirst());
    }

    /** Every host key line that applies to {@code name} ({@code host} or {@code [host]:port}), in file order. */
    List<Entry> entriesFor(String name) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new RouterAgentException("cannot read the known_hosts file " + file + ": " + e.getMessage()
                    + ". Check its permissions, or point knownHosts in the inventory at another file.", e);
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String[] fields = lines.get(i).strip().split("\\s+");
            if (fields.length < 3 || fields[0].startsWith("#") || fields[0].startsWith("@")) {
                continue;
            }
            if (matches(fields[0], name)) {
                int line = i + 1;
                PublicKeyBlob.fromBase64(fields[2]).filter(k -> k.type().equals(fields[1]))
                        .ifPresent(k -> entries.add(new Entry(line, k)));
            }
        }
        return entries;
    }

    /** Appends {@code name type base64} as OpenSSH writes an unhashed entry, creating the file (and directory) if need be. */
    void append(String name, PublicKeyBlob key) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            String prefix = "";
            if (Files.exists(file) && Files.size(file) > 0) {
                byte[] existing = Files.readAllBytes(file);
                prefix = existing[existing.length - 1] == '\n' ? "" : "\n";
            }
            Files.writeString(file, prefix + name + " " + key.type() + " " + key.base64() + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new RouterAgentException("cannot record the host key of " + name + " in " + file + ": "
                    + e.getMessage() + ". Check that the file and its directory are writable.", e);
        }
    }

    /** OpenSSH's host field: a hashed name, or comma-separated patterns where a matching negation wins. */
    static boolean matches(String field, String name) {
        if (field.startsWith("|1|")) {
            return hashedMatches(field, name);
        }
        boolean matched = false;
        for (String pattern : field.split(",")) {
            boolean negated = pattern.startsWith("!");
            String p = negated ? pattern.substring(1) : pattern;
            if (glob(p).matcher(name.toLowerCase(Locale.ROOT)).matches()) {
                if (negated) {
                    return false;
                }
                matched = true;
            }
        }
        return matched;
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toLowerCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    private static boolean hashedMatches(String field, String name) {
        String[] parts = field.substring(3).split("\\|");
        if (parts.length != 2) {
            return false;
        }
        try {
            byte[] salt = Base64.getDecoder().decode(parts[0]);
            byte[] hash = Base64.getDecoder().decode(parts[1]);
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            return MessageDigest.isEqual(hash, mac.doFinal(name.getBytes(StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }
}
