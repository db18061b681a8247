package io.metalboot.router.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.metalboot.router.RouterAgentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The local revision store next to the inventory ({@code .metalboot/revisions/0001.json}, …): one
 * human-readable JSON file per revision, numbered in order. Files are created exclusively, so two
 * runs never take the same number. A run reserves its revision before it touches the router
 * ({@link #reserve}, outcome unknown, "interrupted") and rewrites it once when it ends
 * ({@link #finish}), so a run that dies half-way still leaves its trace.
 */
public final class RevisionStore {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Path dir;

    public RevisionStore(Path dir) {
        this.dir = dir;
    }

    /** The store for an inventory file: {@code .metalboot/revisions/} beside it. */
    public static RevisionStore beside(Path inventory) {
        Path parent = inventory.toAbsolutePath().getParent();
        return new RevisionStore(parent.resolve(".metalboot").resolve("revisions"));
    }

    public Path dir() {
        return dir;
    }

    /** Stores {@code draft} under the next free number and returns it with that id. */
    public Revision record(Revision draft) {
        try {
            Files.createDirectories(dir);
            for (int attempt = 0; attempt < 1000; attempt++) {
                String id = String.format("%04d", nextNumber() + attempt);
                Revision r = draft.withId(id);
                Path file = dir.resolve(id + ".json");
                try {
                    Files.writeString(file, JSON.writeValueAsString(r) + "\n", StandardCharsets.UTF_8,
                            java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
                    return r;
                } catch (FileAlreadyExistsException raced) {
                    // another run took this number; try the next
                }
            }
            throw new RouterAgentException("cannot find a free revision number in " + dir + " after 1000 tries");
        } catch (IOException e) {
            throw new RouterAgentException("cannot write a revision to " + dir + ": " + e.getMessage()
                    + " (check the directory is writable; the router change itself is not affected)", e);
        }
    }

    /** What a reserved revision says until its run finishes. */
    public static final String INTERRUPTED = "interrupted: metalboot stopped before this change ended;"
            + " run 'metalboot plan' to see what the router holds";

    /** Records {@code draft} as unknown and interrupted under the next free number, before the run changes anything. */
    public Revision reserve(Revision draft) {
        return record(draft.with(Revision.Outcome.UNKNOWN, java.util.Optional.of(INTERRUPTED)));
    }

    /** Rewrites a reserved revision with how its run ended (write to a temporary file, then rename over). */
    public Revision finish(Revision done) {
        Path file = dir.resolve(done.id() + ".json");
        if (!Files.exists(file)) {
            throw new RouterAgentException("revision " + done.id() + " was not reserved in " + dir + " (this is a bug in metalboot)");
        }
        try {
            Path tmp = dir.resolve("." + done.id() + ".json.tmp");
            Files.writeString(tmp, JSON.writeValueAsString(done) + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return done;
        } catch (IOException e) {
            throw new RouterAgentException("cannot write revision " + done.id() + " to " + dir + ": " + e.getMessage()
                    + " (check the directory is writable; the router change itself is not affected)", e);
        }
    }

    /** Every revision, oldest first. */
    public List<Revision> list() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Revision> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("[0-9]{4,}\\.json"))
                    .sorted(Comparator.comparing(p -> Long.parseLong(p.getFileName().toString().replace(".json", "")))).toList()) {
                out.add(read(f));
            }
        } catch (IOException e) {
            throw new RouterAgentException("cannot read the revisions in " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }

    public Optional<Revision> find(String id) {
        return list().stream().filter(r -> r.id().equals(id) || r.id().equals(String.format("%04d", parse(id)))).findFirst();
    }

    /** The newest revision for {@code router} that was applied (the state the router should hold). */
    public Optional<Revision> lastApplied(String router) {
        return list().stream().filter(r -> r.router().equals(router) && r.outcome() == Revision.Outcome.APPLIED)
                .reduce((a, b) -> b);
    }

    private static long parse(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new RouterAgentException("revision '" + id + "' is not a revision number (see metalboot history)");
        }
    }

    private long nextNumber() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("[0-9]{4,}\\.json"))
                    .mapToLong(n -> Long.parseLong(n.replace(".json", ""))).max().orElse(0) + 1;
        }
    }

    private static Revision read(Path f) {
        try {
            return JSON.readValue(Files.readString(f, StandardCharsets.UTF_8), Revision.class);
        } catch (JsonProcessingException e) {
            throw new RouterAgentException(f + ":" + e.getLocation().getLineNr() + ": not a metalboot revision: "
                    + e.getOriginalMessage() + " (restore it from version control or move it out of " + f.getParent() + ")", e);
        } catch (IOException e) {
            throw new RouterAgentException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }
}
