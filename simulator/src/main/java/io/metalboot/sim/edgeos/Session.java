package io.metalboot.sim.edgeos;

import io.metalboot.router.edgeos.ConfigChange;
import io.metalboot.router.edgeos.ConfigTree;
import java.util.ArrayList;
import java.util.List;

/**
 * One configuration session (vyatta-cfg's {@code changes_only_SID} overlay on the active tree):
 * the edits made since the last commit or discard, replayed on the current active configuration
 * whenever the working tree is read. So another session's commit shows through where this one
 * changed nothing, as with the real union mount. Guarded by the {@link EdgeosRouter}'s lock.
 */
final class Session {

    /** One recorded edit. */
    sealed interface Edit permits Change, Replace {
        ConfigTree applyTo(ConfigTree tree);
    }

    /** {@code set}/{@code delete}/{@code comment} with the words as given. */
    record Change(String verb, List<String> words) implements Edit {
        Change {
            words = List.copyOf(words);
        }

        @Override
        public ConfigTree applyTo(ConfigTree tree) {
            ConfigChange change = switch (verb) {
                case "set" -> tree.set(words);
                case "delete" -> tree.delete(words);
                default -> tree.comment(words);
            };
            return change.tree(); // an edit that no longer applies is a no-op, like a stale whiteout
        }
    }

    /** {@code load FILE}: the working tree becomes the file's tree. */
    record Replace(ConfigTree tree) implements Edit {
        @Override
        public ConfigTree applyTo(ConfigTree ignored) {
            return tree;
        }
    }

    private final List<Edit> edits = new ArrayList<>();
    private boolean unsaved;
    /** The last working tree, the active tree it was built on and how many edits it holds (trees are immutable). */
    private ConfigTree builtOn;
    private ConfigTree built;
    private int builtEdits;

    ConfigTree working(ConfigTree active) {
        if (builtOn != active || builtEdits > edits.size()) {
            builtOn = active;
            built = active;
            builtEdits = 0;
        }
        for (Edit edit : edits.subList(builtEdits, edits.size())) {
            built = edit.applyTo(built);
        }
        builtEdits = edits.size();
        return built;
    }

    void record(Edit edit) {
        edits.add(edit);
    }

    /** vyatta-cfg's {@code .modified} marker: something was set, deleted or loaded. */
    boolean changed() {
        return !edits.isEmpty();
    }

    /** Forgets the edits (after a successful commit, or {@code discard}); returns how many there were. */
    int clear() {
        int count = edits.size();
        edits.clear();
        builtOn = null;
        return count;
    }

    /** {@code .unsaved}: committed since the last {@code save} from this session. */
    boolean unsaved() {
        return unsaved;
    }

    void unsaved(boolean value) {
        unsaved = value;
    }
}
