package io.metalboot.router.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.metalboot.router.RouterAgentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the last {@code metalboot diff} found ({@code .metalboot/drift.json} beside the inventory):
 * when, on which router, against which applied revision, and the files changed by hand since. Read
 * by whoever shows the lab without opening SSH (the boot page).
 */
public record DriftRecord(Instant time, String router, String revision, List<String> paths) {
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    public DriftRecord {
        paths = List.copyOf(paths);
    }

    /** The record's file for an inventory. */
    public static Path beside(Path inventory) {
        return inventory.toAbsolutePath().getParent().resolve(".metalboot").resolve("drift.json");
    }

    /** Writes this record for {@code inventory} (temporary file, then rename). */
    public void write(Path inventory) {
        Path file = beside(inventory);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(".drift.json.tmp");
            Files.writeString(tmp, JSON.writeValueAsString(this) + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new RouterAgentException("cannot write " + file + ": " + e.getMessage() + " (the diff itself is unaffected)", e);
        }
    }

    /** The last record for {@code inventory}; empty when diff never ran or the file is unreadable. */
    public static Optional<DriftRecord> read(Path inventory) {
        Path file = beside(inventory);
        try {
            return Files.isRegularFile(file) ? Optional.of(JSON.readValue(Files.readString(file), DriftRecord.class)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
