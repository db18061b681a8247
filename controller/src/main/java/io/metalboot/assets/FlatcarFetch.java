package io.metalboot.assets;

import io.metalboot.assets.BadSignatureException.Kind;
import io.metalboot.assets.SignatureCheck.Verified;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Fetches a Flatcar release's PXE kernel and initrd into {@code DATA/assets/flatcar/VERSION/}: each
 * file's detached signature first, then the file into {@code NAME.part} (resumed if there), checked
 * against the signature, and only then renamed to {@code NAME}. A file that does not verify is
 * deleted. Files already there are checked again and kept unless {@link FetchOptions#force()}.
 */
public final class FlatcarFetch {
    static final String LOCK = ".metalboot-fetch.lock";
    private static final String KEY_PAGE = "https://www.flatcar.org/security/image-signing-key/";

    private final FlatcarRelease release;
    private final Path data;
    private final SignatureCheck check;
    private final FetchOptions options;
    private final TransferListener listener;
    private final Clock clock;
    private final boolean customBase;

    public FlatcarFetch(FlatcarRelease release, Path data, Keyring keyring, FetchOptions options, TransferListener listener,
            Clock clock, boolean customBase) {
        this.release = release;
        this.data = data;
        this.check = new SignatureCheck(keyring);
        this.options = options;
        this.listener = listener;
        this.clock = clock;
        this.customBase = customBase;
    }

    public enum Outcome { DOWNLOADED, KEPT }

    /** One file in place and verified. */
    public record Fetched(Path file, long size, Outcome outcome, Verified signature) {
    }

    /** Fetches the PXE kernel and initrd; stops at the first failure. */
    public List<Fetched> run() {
        Path dir = release.directory(data);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw AssetsException.failure("cannot create " + dir + ": " + e, e);
        }
        HttpClient client = ResumableDownload.client(options);
        try (FileChannel lockFile = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = tryLock(lockFile);
                ResumableDownload download = new ResumableDownload(client, options, listener)) {
            if (lock == null) {
                throw AssetsException.failure("another metalboot assets fetch is writing " + dir + "; wait for it to finish");
            }
            List<Fetched> fetched = new ArrayList<>();
            for (String name : FlatcarRelease.PXE_FILES) {
                fetched.add(one(dir, name, download));
            }
            if (release.version().startsWith("current") && fetched.stream().anyMatch(f -> f.outcome() == Outcome.KEPT)) {
                listener.note("kept the verified files already in " + dir + "; '" + release.version() + "' moves with each release:"
                        + " --force fetches the newest");
            }
            return fetched;
        } catch (IOException e) {
            throw AssetsException.failure("cannot write in " + dir + ": " + e, e);
        } finally {
            client.close();
        }
    }

    private Fetched one(Path dir, String name, ResumableDownload download) throws IOException {
        Path target = dir.resolve(name);
        Path sig = dir.resolve(name + ".sig");
        if (!options.force() && Files.exists(target)) {
            try {
                if (!Files.exists(sig)) {
                    Path sigPart = dir.resolve(name + ".sig.part");
                    get(download, name + ".sig", sigPart, true);
                    move(sigPart, sig);
                    discard(sigPart);
                }
                Verified v = check.verify(target, sig, clock.instant());
                return new Fetched(target, Files.size(target), Outcome.KEPT, v);
            } catch (BadSignatureException e) {
                if (e.kind() == Kind.UNKNOWN_KEY || e.kind() == Kind.KEY_NOT_VALID) {
                    // the mirror's copy is signed the same way: downloading it again would only lose this one
                    throw new BadSignatureException(e.kind(), name + " in " + dir + ": " + e.getMessage() + ". Kept it and"
                            + " downloaded nothing. If it was fetched with another --key, pass that key again; --force downloads"
                            + " it anew and replaces it only if the new copy verifies.");
                }
                listener.note(name + ": the file already in " + dir + " does not verify (" + e.getMessage() + "); removed it,"
                        + " downloading it again");
                Files.deleteIfExists(target);
                Files.deleteIfExists(sig);
            }
        }
        Path sigPart = dir.resolve(name + ".sig.part");
        get(download, name + ".sig", sigPart, true);
        Path part = dir.resolve(name + ".part");
        get(download, name, part, false);
        Verified v;
        try {
            v = check.verify(part, sigPart, clock.instant());
        } catch (BadSignatureException e) {
            discard(part);
            discard(sigPart);
            throw new BadSignatureException(e.kind(), name + " from " + release.url(name) + ": " + e.getMessage()
                    + ". Deleted the download. " + advice(e.kind()));
        }
        move(sigPart, sig);
        move(part, target);
        discard(sigPart);
        discard(part);
        return new Fetched(target, Files.size(target), Outcome.DOWNLOADED, v);
    }

    /** Downloads {@code name} into {@code part}; a signature starts afresh and is too small to show. */
    private void get(ResumableDownload download, String name, Path part, boolean signature) throws IOException {
        URI url = release.url(name);
        if (signature) {
            discard(part);
        }
        try {
            download.fetch(url, part, name, !signature);
        } catch (ResumableDownload.Failed e) {
            if (e.notFound) {
                throw AssetsException.failure(e.getMessage() + ". Check --channel " + release.channel() + " and --version "
                        + release.version() + (customBase ? " and --base-url " + release.base() : "") + ": is "
                        + release.version() + " a " + release.channel() + " release? (see https://www.flatcar.org/releases)");
            }
            if (e.getCause() instanceof IOException) {
                throw AssetsException.failure(e.getMessage() + ". Cannot reach " + release.base() + ": check the network"
                        + (customBase ? " and --base-url" : " (or use a mirror with --base-url)"), e.getCause());
            }
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel file) throws IOException {
        try {
            return file.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return null;
        }
    }

    private String advice(Kind kind) {
        return switch (kind) {
            case MISMATCH -> "Run the command again to download it anew; if it fails again, " + release.base()
                    + " serves altered files: do not boot them.";
            case UNKNOWN_KEY -> "If Flatcar signs with a new key, pass it with --key FILE (" + KEY_PAGE + "); otherwise "
                    + release.base() + " does not serve Flatcar's own images.";
            case KEY_NOT_VALID -> "If metalboot's copy of the key is outdated, pass Flatcar's current key with --key FILE ("
                    + KEY_PAGE + "); otherwise choose another --version.";
            case MALFORMED -> "Check that " + release.base() + " serves Flatcar's files (an error page instead of a signature?).";
        };
    }

    /** Removes a part file and the validator saved beside it. */
    private static void discard(Path part) throws IOException {
        Files.deleteIfExists(part);
        Files.deleteIfExists(Ranges.ifRangeFile(part));
    }

    /** Renames in one step, so the boot server never serves half a file. */
    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
