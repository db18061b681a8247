package io.metalboot.router.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Collects a plan as a dialect's planner finds it: changes with their commands, adoptions,
 * conflicts (thrown together by {@link #build}), uploads, file deletions and notes. Also plans the
 * uploaded files, which work the same on both router kinds.
 */
public final class PlanBuilder {
    private final RouterKind router;
    private final Ownership before;
    private final List<Change> changes = new ArrayList<>();
    private final List<Change> fileChanges = new ArrayList<>();
    private final List<Change> adoptions = new ArrayList<>();
    private final List<String> commands = new ArrayList<>();
    private final List<String> conflicts = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, String> uploads = new TreeMap<>();
    private final List<String> fileDeletions = new ArrayList<>();

    public PlanBuilder(RouterKind router, Ownership before) {
        this.router = router;
        this.before = before;
    }

    /** A change and the commands that make it (in the order they must run). */
    public void change(Change change, List<String> lines) {
        changes.add(change);
        commands.addAll(lines);
    }

    /** Commands that belong to no change of their own (uci reorder, revert of metalboot's leftovers). */
    public void commands(List<String> lines) {
        commands.addAll(lines);
    }

    public void adopt(Change adoption) {
        adoptions.add(adoption);
    }

    public void conflict(String message) {
        conflicts.add(message);
    }

    public void note(String note) {
        notes.add(note);
    }

    public boolean hasConflicts() {
        return !conflicts.isEmpty();
    }

    public List<String> commands() {
        return List.copyOf(commands);
    }

    /** Throws the conflicts found so far, if any; nothing is sent. */
    public void stopOnConflicts() {
        if (!conflicts.isEmpty()) {
            throw new PlanConflictException(conflicts);
        }
    }

    /**
     * Plans the uploaded files (their changes come last in the plan): a desired file that is absent (or was not read) is uploaded, one that
     * differs is uploaded when metalboot owns it and a conflict when it does not, one that is equal
     * is adopted if unowned; owned files no longer desired are deleted unless already gone.
     */
    public void files(Map<String, String> desired, Map<String, Optional<String>> live) {
        for (Map.Entry<String, String> file : desired.entrySet()) {
            String path = file.getKey();
            Optional<String> now = live.getOrDefault(path, Optional.empty());
            boolean owned = before.owns(EntryKind.FILE, path);
            if (now.isEmpty()) {
                fileChanges.add(Change.add(EntryKind.FILE, path, lines(file.getValue()), "files"));
                uploads.put(path, file.getValue());
            } else if (now.get().equals(file.getValue())) {
                if (!owned) {
                    adopt(Change.adopt(EntryKind.FILE, path, lines(file.getValue()), "files"));
                }
            } else if (owned) {
                fileChanges.add(Change.change(EntryKind.FILE, path, lines(now.get()), lines(file.getValue()) + ", new content", "files"));
                uploads.put(path, file.getValue());
            } else {
                conflict("router file " + path + " " + lines(now.get()) + " differs from the one metalboot writes there;"
                        + " metalboot does not own it: remove or rename it on the router, or change the inventory");
            }
        }
        for (String path : before.owned(EntryKind.FILE)) {
            Optional<String> now = live.containsKey(path) ? live.get(path) : Optional.of("");
            if (!desired.containsKey(path) && now.isPresent()) {
                fileChanges.add(Change.delete(EntryKind.FILE, path, lines(now.get()), "files"));
                fileDeletions.add(path);
            }
        }
    }

    /** A rollback's file: uploaded with the snapshot's content, or deleted when the snapshot did not have it. */
    public void restoreFile(String path, Optional<String> now, Optional<String> want) {
        if (want.isPresent()) {
            fileChanges.add(now.isEmpty() ? Change.add(EntryKind.FILE, path, lines(want.get()), "files")
                    : Change.change(EntryKind.FILE, path, lines(now.get()), lines(want.get()) + ", earlier content", "files"));
            uploads.put(path, want.get());
        } else if (now.isPresent()) {
            fileChanges.add(Change.delete(EntryKind.FILE, path, lines(now.get()), "files"));
            fileDeletions.add(path);
        }
    }

    private static String lines(String content) {
        long count = content.lines().count();
        return "(" + count + (count == 1 ? " line)" : " lines)");
    }

    /** The plan; {@code after} is the ownership once it is applied. Throws the conflicts if there are any. */
    public Plan build(Ownership after) {
        stopOnConflicts();
        List<Change> all = new ArrayList<>(changes);
        all.addAll(fileChanges);
        return new Plan(router, all, adoptions, commands, new TreeMap<>(uploads), fileDeletions, before, after, notes);
    }
}
