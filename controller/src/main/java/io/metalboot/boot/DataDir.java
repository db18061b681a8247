package io.metalboot.boot;

import io.metalboot.template.Template;
import io.metalboot.boot.render.IgnitionCache;
import io.metalboot.boot.select.GroupSelection;
import io.metalboot.template.TemplateException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A matchbox data dir read once into memory: {@code groups/*.json}, {@code profiles/*.json} and the
 * templates in {@code ignition/} and {@code generic/} (parsed here, so a broken one is reported at
 * load, not at boot). {@code assets/} is served from disk. {@code warnings} name groups a machine
 * could match equally well, with no more specific group to decide (the tie breaks by group id).
 * {@code selection} finds a request's group without trying every group (see {@link GroupSelection});
 * {@code translated} keeps this data's Ignition translations (see {@link IgnitionCache}). {@code root} is
 * this server's own directory (assets, {@code contents.local} files); {@code origin} names the files in messages
 * (the same directory for a data dir, the key prefix for a store).
 */
public record DataDir(Path root, Path origin, List<Group> groups, Map<String, Profile> profiles, Map<String, Template> ignition,
        Map<String, Template> generic, List<String> warnings, GroupSelection selection, IgnitionCache translated) {

    public DataDir(Path root, Path origin, List<Group> groups, Map<String, Profile> profiles, Map<String, Template> ignition,
            Map<String, Template> generic, List<String> warnings) {
        this(root, origin, groups, profiles, ignition, generic, warnings, new GroupSelection(groups), new IgnitionCache());
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
        return parse(root, root, DataFiles.read(root));
    }

    /**
     * Parses boot data {@code files}; messages name each file under {@code origin} (the data dir, or where a store keeps
     * it), and {@code local} is the directory this server reads its own files from ({@code assets/}, {@code contents.local}).
     */
    public static DataDir parse(Path origin, Path local, DataFiles files) {
        Map<String, Profile> profiles = new TreeMap<>();
        for (var e : files.in("profiles").entrySet()) {
            Path file = origin.resolve("profiles").resolve(e.getKey());
            Profile p = DataDirReader.profile(file, e.getValue());
            Profile before = profiles.put(p.id(), p);
            if (before != null) {
                throw new BootException(500, file + ": profile id '" + p.id() + "' is also used by " + before.file() + "; ids must be unique");
            }
        }
        List<Group> groups = new ArrayList<>();
        for (var e : files.in("groups").entrySet()) {
            Path file = origin.resolve("groups").resolve(e.getKey());
            Group g = DataDirReader.group(file, e.getValue());
            if (!profiles.containsKey(g.profile())) {
                throw new BootException(500, file + ": profile '" + g.profile() + "' is not in " + origin.resolve("profiles")
                        + " (profiles there: " + String.join(", ", profiles.keySet()) + ")");
            }
            groups.add(g);
        }
        groups.sort(Comparator.comparing(Group::id));
        Map<String, Template> ignition = templates(origin.resolve("ignition"), files.in("ignition"));
        Map<String, Template> generic = templates(origin.resolve("generic"), files.in("generic"));
        for (Profile p : profiles.values()) {
            p.ignitionId().filter(id -> !ignition.containsKey(id)).ifPresent(id -> {
                throw new BootException(500, p.file() + ": ignition_id '" + id + "' is not a file in " + origin.resolve("ignition"));
            });
            p.genericId().filter(id -> !generic.containsKey(id)).ifPresent(id -> {
                throw new BootException(500, p.file() + ": generic_id '" + id + "' is not a file in " + origin.resolve("generic"));
            });
        }
        return new DataDir(local, origin, groups, profiles, ignition, generic, ambiguities(groups));
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

    private static Map<String, Template> templates(Path dir, Map<String, byte[]> files) {
        Map<String, Template> out = new TreeMap<>();
        files.forEach((name, bytes) -> {
            try {
                out.put(name, Template.parse(dir.resolve(name).toString(), new String(bytes, StandardCharsets.UTF_8)));
            } catch (TemplateException e) {
                throw new BootException(500, e.getMessage(), e);
            }
        });
        return out;
    }
}
