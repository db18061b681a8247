package io.metalboot.boot.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.metalboot.boot.BootException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a push records beside the data: when and by whom, the manifest revision it replaced (so
 * {@code store history} can walk back), how many files, and each asset's name, size and sha256 (the
 * assets stay files on each server; a server compares its own against these).
 */
record Manifest(String pushed, String by, long replaced, int files, List<AssetManifest.Asset> assets) {
    private static final ObjectMapper JSON = new ObjectMapper();

    Manifest {
        assets = List.copyOf(assets);
    }

    byte[] bytes() {
        ObjectNode root = JSON.createObjectNode().put("pushed", pushed).put("by", by).put("replaced", replaced).put("files", files);
        var list = root.putArray("assets");
        assets.forEach(a -> list.addObject().put("path", a.path()).put("size", a.size()).put("sha256", a.sha256()));
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root).concat("\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BootException(500, "cannot write the manifest: " + e.getMessage(), e);
        }
    }

    static Manifest parse(byte[] bytes, String name) {
        try {
            JsonNode root = JSON.readTree(bytes);
            List<AssetManifest.Asset> assets = new ArrayList<>();
            root.path("assets").forEach(a -> assets.add(new AssetManifest.Asset(a.path("path").asText(), a.path("size").asLong(),
                    a.path("sha256").asText())));
            return new Manifest(root.path("pushed").asText(), root.path("by").asText(), root.path("replaced").asLong(),
                    root.path("files").asInt(), assets);
        } catch (IOException e) {
            throw new BootException(500, name + ": not a metalboot manifest (" + e.getMessage() + "); push the data again", e);
        }
    }
}
