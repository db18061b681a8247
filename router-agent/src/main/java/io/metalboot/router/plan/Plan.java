package io.metalboot.router.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What it takes to bring a router from its live state to the desired one, touching only entries
 * metalboot owns. {@code commands} are one script, whatever the number of entries: EdgeOS
 * {@code set}/{@code delete} lines for one vyatta-cfg-cmd-wrapper session (without the wrapper
 * prefix), OpenWrt {@code uci batch} lines. {@code uploads} are the files to write (only those that
 * differ), {@code fileDeletions} the owned files no longer wanted. {@code adoptions} are unowned
 * entries found exactly as desired: nothing is sent for them, but {@code ownershipAfter} owns them,
 * so the state file must still be written. {@code notes} are things the operator should know that
 * do not stop the plan.
 */
public record Plan(RouterKind router, List<Change> changes, List<Change> adoptions, List<String> commands,
        SortedMap<String, String> uploads, List<String> fileDeletions, Ownership ownershipBefore,
        Ownership ownershipAfter, List<String> notes) {

    public Plan {
        Objects.requireNonNull(router, "router");
        changes = List.copyOf(changes);
        adoptions = List.copyOf(adoptions);
        commands = List.copyOf(commands);
        uploads = Collections.unmodifiableSortedMap(new TreeMap<>(uploads));
        fileDeletions = List.copyOf(fileDeletions);
        notes = List.copyOf(notes);
        if (changes.stream().anyMatch(change -> change.type() == Change.Type.ADOPT)
                || adoptions.stream().anyMatch(change -> change.type() != Change.Type.ADOPT)) {
            throw new IllegalArgumentException("adoptions and changes are kept apart");
        }
    }

    /** Whether the router's DHCP configuration or files change (a commit and a daemon restart are needed). */
    public boolean changesRouter() {
        return !changes.isEmpty() || !commands.isEmpty() || !uploads.isEmpty() || !fileDeletions.isEmpty();
    }

    /** Whether the set of owned entries differs from the state file's (adoptions, vanished entries). */
    public boolean ownershipChanged() {
        return !ownershipBefore.sameEntries(ownershipAfter);
    }

    /** "Up to date": nothing to send and nothing to record. */
    public boolean isEmpty() {
        return !changesRouter() && !ownershipChanged();
    }

    /** The readable diff, plain text: notes as {@code #} lines, a {@code [scope]} line when the scope changes. */
    public String diff() {
        List<String> lines = new ArrayList<>();
        notes.forEach(note -> lines.add("# " + note));
        String scope = "";
        List<Change> all = new ArrayList<>(changes);
        all.addAll(adoptions);
        for (Change change : all) {
            if (!change.scope().equals(scope) && !change.scope().isEmpty()) {
                lines.add("[" + change.scope() + "]");
            }
            scope = change.scope();
            lines.add(change.line());
        }
        if (isEmpty()) {
            lines.add("up to date");
        } else if (!changesRouter()) {
            lines.add("(no change on the router; only metalboot's state file is updated)");
        }
        return String.join("\n", lines) + "\n";
    }
}
