package io.metalboot.boot;

import io.metalboot.template.Template;
import io.metalboot.template.TemplateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A matchbox data dir read once into memory: {@code groups/*.json}, {@code profiles/*.json} and the
 * templates in {@code ignition/} and {@code generic/} (parsed here, so a broken one is reported at
 * load, not at boot). {@code assets/} is served from disk. {@code warnings} name groups a machine
 * could match equally well, with no more specific group to decide (the tie breaks by group id).
 * {@code selection} finds a request's group without trying every group (see {@link GroupSelection});
 * {@code translated} keeps this data's Ignition translations (see {@link IgnitionCache}).
 */
public record DataDir(Path root, List<Group> groups, Map<String, Profile> profiles, Map<String, Template> ignition,
        Map<String, Template> generic, List<String> warnings, GroupSelection selection, IgnitionCache translated) {

    public DataDir(Path root, List<Group> groups, Map<String, Profile> profiles, Map<String, Template> ignition,
            Map<String, Template> generic, List<String> warnings) {
        this(root, groups, profiles, ignition, generic, warnings, new GroupSelection(groups), new IgnitionCache());
    }

    public DataDir {
        groups = List.copyOf(groups);
        profiles = Map.copyOf(profiles);
        ignition = Map.copyOf(ignition);
        generic = Map.copyOf(generic);
        warnings = List.copyOf(warnings);
    }

    /** Reads {@code root}; throws a {@link BootException} naming the first broken file. */
    public static DataDir load(Path root) {
        if (!Files.isDirectory(root)) {
            throw new BootException(500, "data dir " + root + " is not a directory (create it, or generate one with"
                    + " 'metalboot render-data -c cluster.yaml --out " + root + "')");
        }
        Map<String, Profile> profiles = new TreeMap<>();
        for (Path file : files(root.resolve("profiles"), ".json")) {
            Profile p = DataDirReader.profile(file);
            Profile before = profiles.put(p.id(), p);
            if (before != null) {
                throw new BootException(500, file + ": profile id '" + p.id() + "' is also used by " + before.file() + "; ids must be unique");
            }
        }
        List<Group> groups = new ArrayList<>();
        for (Path file : files(root.resolve("groups"), ".json")) {
            Group g = DataDirReader.group(file);
            if (!profiles.containsKey(g.profile())) {
                throw new BootException(500, file + ": profile '" + g.profile() + "' is not in " + root.resolve("profiles")
                        + " (profiles there: " + String.join(", ", profiles.keySet()) + ")");
            }
            groups.add(g);
        }
        groups.sort(Comparator.comparing(Group::id));
        Map<String, Template> ignition = templates(root.resolve("ignition"));
        Map<String, Template> generic = templates(root.resolve("generic"));
        for (Profile p : profiles.values()) {
            p.ignitionId().filter(id -> !ignition.containsKey(id)).ifPresent(id -> {
                throw new BootException(500, p.file() + ": ignition_id '" + id + "' is not a file in " + root.resolve("ignition"));
            });
            p.genericId().filter(id -> !generic.containsKey(id)).ifPresent(id -> {
                throw new BootException(500, p.file() + ": generic_id '" + id + "' is not a file in " + root.resolve("generic"));
            });
        }
        return new DataDir(root, groups, profiles, ignition, generic, ambiguities(groups));
    }

    /** The group for {@code labels}: every selector matches, the most selectors win, ties go to the lowest id. */
    public Optional<Group> select(Labels labels) {
        return selection.select(labels);
    }

    private static List<String> ambiguities(List<Group> groups) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            for (int j = i + 1; j < groups.size(); j++) {
                Group a = groups.get(i);
                Group b = groups.get(j);
                boolean compatible = a.selector().entrySet().stream()
                        .allMatch(e -> !b.selector().containsKey(e.getKey()) || b.selector().get(e.getKey()).equals(e.getValue()));
                Map<String, String> both = new TreeMap<>(a.selector());
                both.putAll(b.selector());
                boolean decided = groups.stream().anyMatch(c -> c.selector().size() > a.selector().size()
                        && c.selector().entrySet().stream().allMatch(e -> e.getValue().equals(both.get(e.getKey()))));
                if (a.selector().size() == b.selector().size() && compatible && !decided) {
                    out.add("groups '" + a.id() + "' (" + a.file().getFileName() + ") and '" + b.id() + "' (" + b.file().getFileName()
                            + ") can both match a machine with " + a.selector().size() + " selector(s); '" + a.id()
                            + "' wins (lowest id). Add a selector to one of them to make it explicit");
                }
            }
        }
        return out;
    }

    private static Map<String, Template> templates(Path dir) {
        Map<String, Template> out = new TreeMap<>();
        for (Path file : files(dir, "")) {
            try {
                out.put(file.getFileName().toString(), Template.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
            } catch (TemplateException e) {
                throw new BootException(500, e.getMessage(), e);
            } catch (IOException e) {
                throw new BootException(500, "cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static List<Path> files(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(suffix))
                    .filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new BootException(500, "cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
