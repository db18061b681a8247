package io.metalboot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.metalboot.boot.BootException;
import io.metalboot.inventory.Inventory;
import io.metalboot.inventory.InventoryLoader;
import io.metalboot.inventory.Machine;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "machines", mixinStandardHelpOptions = true,
        description = {"List the machines a running 'metalboot serve' knows: the inventory's and the discovered ones (machines no"
                + " group selects by MAC), each with MAC, name, address, role, last stage and when, first seen and vendor.", ""},
        footer = {"", "Exit status: 0 ok, 1 the server could not be asked, 2 bad inventory."})
final class MachinesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--inventory"}, paramLabel = "FILE", description = "Also list the inventory's machines the server has not seen.")
    Optional<Path> inventory;

    @Option(names = "--server", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080", description = "The boot server (default: ${DEFAULT-VALUE}).")
    String server;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws Exception {
        ArrayNode list = (ArrayNode) JsonOption.JSON.readTree(ask());
        if (inventory.isPresent()) {
            Inventory inv = InventoryLoader.load(inventory.get());
            Set<String> listed = new HashSet<>();
            list.forEach(m -> listed.add(m.path("mac").asText()));
            for (Machine m : inv.machines()) {
                if (listed.add(m.mac().toString())) {
                    list.addObject().put("mac", m.mac().toString()).put("name", m.name()).put("ip", m.ip().toString())
                            .put("role", m.role().name().toLowerCase()).put("stage", "").put("discovered", false);
                }
            }
        }
        var out = spec.commandLine().getOut();
        if (json.json) {
            out.println(JsonOption.write(list));
        } else if (list.isEmpty()) {
            out.println("no machine known to " + server + " yet");
        } else {
            out.printf("%-17s  %-14s  %-15s  %-6s  %-10s  %-20s  %-20s  %s%n", "MAC", "NAME", "ADDRESS", "ROLE", "STAGE", "SINCE",
                    "FIRST SEEN", "VENDOR");
            for (JsonNode m : list) {
                String name = m.path("discovered").asBoolean() ? "(discovered)" : m.path("name").asText("-");
                out.print(Style.safe(String.format("%-17s  %-14s  %-15s  %-6s  %-10s  %-20s  %-20s  %s", m.path("mac").asText(), name,
                        m.path("ip").asText(m.path("client").asText("-")), m.path("role").asText("-"), m.path("stage").asText("-"),
                        m.path("time").asText("-"), m.path("firstSeen").asText("-"), m.path("vendor").asText("")).replace('\n', ' '))
                        + System.lineSeparator());
            }
            list.forEach(m -> {
                if (m.has("adopt")) {
                    out.print(Style.safe("to take in " + m.path("mac").asText() + ": " + m.path("adopt").asText()) + System.lineSeparator());
                }
            });
        }
        out.flush();
        return 0;
    }

    private String ask() throws InterruptedException {
        URI uri = URI.create(server.replaceAll("/+$", "") + "/ui/machines");
        HttpResponse<String> response;
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new BootException(503, "cannot ask " + uri + ": " + e.getMessage() + " (is 'metalboot serve' running there?)", e);
        }
        if (response.statusCode() != 200) {
            throw new BootException(response.statusCode(), uri + " answered " + response.statusCode() + ": " + response.body().strip());
        }
        return response.body();
    }
}
