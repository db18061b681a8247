package io.metalboot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.metalboot.boot.BootException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show each machine's boot progress (last stage: ipxe, kernel, initrd, ignition, installed), as a"
                + " running 'metalboot serve' saw it.", ""},
        footer = {"", "Exit status: 0 ok, 1 the server could not be asked."})
final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--server", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080",
            description = "The boot server (default: ${DEFAULT-VALUE}).")
    String server;

    @Option(names = "--store", paramLabel = "URL", description = "Ask etcd instead (every boot server sharing it):"
            + " etcd://HOST:PORT,HOST:PORT/CLUSTER.")
    java.util.Optional<String> store;

    @Mixin
    StoreOptions storeOptions;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws Exception {
        if (store.isPresent()) {
            return fromStore();
        }
        URI uri = URI.create(server.replaceAll("/+$", "") + "/status");
        HttpResponse<String> response;
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new BootException(503, "cannot ask " + uri + ": " + e.getMessage() + " (is 'metalboot serve' running there?)", e);
        }
        if (response.statusCode() != 200) {
            throw new BootException(response.statusCode(), uri + " answered " + response.statusCode() + ": " + response.body().strip());
        }
        var out = spec.commandLine().getOut();
        if (json.json) {
            out.print(response.body());
            out.flush();
            return 0;
        }
        JsonNode list = JsonOption.JSON.readTree(response.body());
        if (list.isEmpty()) {
            out.println("no machine has booted from " + server + " yet");
        } else {
            out.printf("%-17s  %-15s  %-14s  %-10s  %s%n", "MAC", "IP", "NAME", "STAGE", "SINCE");
            list.forEach(m -> out.print(Style.safe(String.format("%-17s  %-15s  %-14s  %-10s  %s", m.path("mac").asText(),
                    m.path("ip").asText(), m.path("name").asText("-"), m.path("stage").asText(), m.path("time").asText())
                    .replace('\n', ' ')) + System.lineSeparator()));
        }
        out.flush();
        return 0;
    }

    private int fromStore() throws Exception {
        var target = storeOptions.target("--store", store.get());
        java.util.List<io.metalboot.boot.Progress.Status> all;
        try (io.etcd.jetcd.Client client = target.client()) {
            all = new java.util.ArrayList<>(io.metalboot.boot.store.SharedProgress.read(client, target).values());
        }
        all.sort(java.util.Comparator.comparing(io.metalboot.boot.Progress.Status::mac));
        var out = spec.commandLine().getOut();
        if (json.json) {
            var list = JsonOption.JSON.createArrayNode();
            all.forEach(s -> list.addObject().put("mac", s.mac()).put("ip", s.ip()).put("name", s.name().orElse(""))
                    .put("stage", s.stage()).put("time", s.time().toString()).put("replica", s.replica()));
            out.println(JsonOption.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(list));
        } else if (all.isEmpty()) {
            out.println("no machine has booted from a server sharing " + target + " yet");
        } else {
            out.printf("%-17s  %-15s  %-14s  %-10s  %-21s  %s%n", "MAC", "IP", "NAME", "STAGE", "REPLICA", "SINCE");
            all.forEach(m -> out.print(Style.safe(String.format("%-17s  %-15s  %-14s  %-10s  %-21s  %s", m.mac(), m.ip(),
                    m.name().orElse("-"), m.stage(), m.replica(), m.time()).replace('\n', ' ')) + System.lineSeparator()));
        }
        out.flush();
        return 0;
    }
}
