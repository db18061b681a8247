package io.metalboot.router.openwrt;

import io.metalboot.router.openwrt.UciDelta.Op;
import io.metalboot.router.openwrt.UciPointer.Failure;
import io.metalboot.router.openwrt.UciValue.ListValue;
import io.metalboot.router.openwrt.UciValue.StringValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The section commands of cli.c ({@code uci_do_section_cmd}) with list.c's checks, as of openwrt/uci
 * in OpenWrt 23.05: a command on an option needs its section ({@code Invalid argument} otherwise),
 * get/delete/rename/reorder need the entry ({@code Entry not found}), {@code set pkg.name=type}
 * creates a named section and {@code set} with an empty value deletes. Each change carries the delta
 * list.c records for it, by the section's real name: none when {@code set} leaves a string or a
 * section's type as it was, when {@code del_list} finds no list or {@code reorder} leaves the section
 * where it was. list.c does not check what delta.c will refuse to load: a rename to an invalid name,
 * a new section named {@code @type[n]} (set on a missing anonymous section) and {@code add_list}
 * without an option are recorded and reported as success, and lost when the package is next loaded.
 */
final class UciSectionCommand {
    private final UciConfig config;
    private final UciPointer pointer;
    private final Optional<Integer> index;
    private final UciShow show;

    UciSectionCommand(UciConfig config, UciPointer pointer, String delimiter) {
        this.config = config;
        this.pointer = pointer;
        this.index = pointer.findSection(config.sections());
        this.show = new UciShow(config, delimiter);
    }

    UciResult run(String command) {
        return switch (command) {
            case "get" -> get();
            case "set" -> set();
            case "add_list" -> listEdit(true);
            case "del_list" -> listEdit(false);
            case "del", "delete" -> delete();
            case "rename", "ren" -> rename();
            default -> reorder();
        };
    }

    private Optional<UciSection> section() {
        return index.map(i -> config.sections().get(i));
    }

    /** uci_lookup_ptr's UCI_LOOKUP_COMPLETE: everything named exists (a bare package always does). */
    private boolean complete() {
        return pointer.sectionRef().isEmpty() || section().isPresent()
                && (pointer.option().isEmpty() || section().get().option(pointer.option().get()).isPresent());
    }

    private String sectionName() {
        return section().map(UciSection::name).orElseGet(() -> pointer.sectionRef().orElseThrow());
    }

    private UciResult get() {
        if (pointer.value().isPresent()) {
            return silentFailure(); // cli.c: a value on get is refused without a message
        }
        if (pointer.sectionRef().isEmpty()) {
            return ok(config, List.of(), List.of());
        }
        if (!complete()) {
            return fail(Failure.NOT_FOUND);
        }
        UciSection section = section().orElseThrow();
        if (pointer.option().isEmpty()) {
            return ok(config, List.of(section.type()), List.of());
        }
        String shown = show.value(section.option(pointer.option().get()).orElseThrow());
        return ok(config, List.of(shown), List.of());
    }

    private UciResult set() {
        if (pointer.value().isEmpty() || pointer.sectionRef().isEmpty()) {
            return fail(Failure.INVALID);
        }
        String value = pointer.value().get();
        if (pointer.option().isPresent()) {
            if (section().isEmpty()) {
                return fail(Failure.INVALID);
            }
            UciSection before = section().get();
            UciSection after = UciEdits.set(before, pointer.option().get(), value);
            if (after.equals(before)) {
                return ok(config, List.of(), List.of());
            }
            Op op = value.isEmpty() ? Op.REMOVE : Op.CHANGE;
            return replace(after, new UciDelta(op, sectionName(), pointer.option(), value.isEmpty() ? Optional.empty() : Optional.of(value)));
        }
        if (!value.isEmpty() && !UciNames.isType(value)) {
            return fail(Failure.INVALID);
        }
        if (section().isPresent()) {
            if (value.isEmpty()) {
                return delete();
            }
            UciSection old = section().get();
            if (old.type().equals(value)) {
                return ok(config, List.of(), List.of()); // list.c uci_set: "update section" to its own type returns at once
            }
            // a type of the same length is copied over; otherwise a new section takes the old one's name (so an
            // anonymous section becomes a named one) and its options
            boolean anonymous = old.anonymous() && old.type().length() == value.length();
            return replace(new UciSection(value, old.name(), anonymous, old.options()),
                    UciDelta.of(Op.CHANGE, old.name(), Optional.empty(), value));
        }
        if (value.isEmpty()) {
            return ok(config, List.of(), List.of());
        }
        // a missing @type[n] becomes a new section of that literal name: delta.c refuses the line when it loads
        List<UciSection> sections = new ArrayList<>(config.sections());
        sections.add(new UciSection(value, pointer.sectionRef().get(), false, List.of()));
        return ok(config.withSections(sections, config.sectionCounter() + 1), List.of(),
                List.of(UciDelta.of(Op.CHANGE, pointer.sectionRef().get(), Optional.empty(), value)));
    }

    private UciResult listEdit(boolean add) {
        if (section().isEmpty() || pointer.value().isEmpty()) {
            return fail(Failure.INVALID);
        }
        String value = pointer.value().get();
        UciSection section = section().get();
        if (pointer.option().isEmpty()) {
            // uci_add_list records "|pkg.section='v'" (delta.c drops it on load); uci_del_list returns at once
            return ok(config, List.of(), add ? List.of(UciDelta.of(Op.LIST_ADD, section.name(), Optional.empty(), value)) : List.of());
        }
        String option = pointer.option().get();
        if (add) {
            return replace(UciEdits.addList(section, option, value), UciDelta.of(Op.LIST_ADD, section.name(), pointer.option(), value));
        }
        if (!(section.option(option).orElse(null) instanceof ListValue)) {
            return ok(config, List.of(), List.of());
        }
        return replace(UciEdits.delList(section, option, value), UciDelta.of(Op.LIST_DEL, section.name(), pointer.option(), value));
    }

    private UciResult delete() {
        Optional<String> value = pointer.value();
        if (value.isPresent() && UciNumbers.scanInt(value.get()) == UciNumbers.NO_NUMBER) {
            return silentFailure(); // cli.c: sscanf("%d") fails, exit 1 without a message
        }
        if (!complete()) {
            return fail(Failure.NOT_FOUND);
        }
        if (pointer.sectionRef().isEmpty()) {
            return fail(Failure.INVALID);
        }
        UciSection section = section().orElseThrow();
        if (pointer.option().isEmpty()) {
            List<UciSection> sections = new ArrayList<>(config.sections());
            sections.remove((int) index.orElseThrow());
            return ok(config.withSections(sections, config.sectionCounter()), List.of(),
                    List.of(new UciDelta(Op.REMOVE, section.name(), Optional.empty(), Optional.empty())));
        }
        String option = pointer.option().get();
        if (value.isPresent() && !value.get().isEmpty() && section.option(option).orElseThrow() instanceof ListValue list) {
            // list.c: the value is an item index; out of range (or only blanks) removes nothing and records nothing
            int item = UciNumbers.scanInt(value.get()) == UciNumbers.CONVERTED ? UciNumbers.leadingInt(value.get()) : -1;
            if (item < 0 || item >= list.items().size()) {
                return ok(config, List.of(), List.of());
            }
            return replace(UciEdits.deleteItem(section, option, item), new UciDelta(Op.REMOVE, section.name(), pointer.option(), value));
        }
        return replace(section.without(option), new UciDelta(Op.REMOVE, section.name(), pointer.option(), Optional.empty()));
    }

    private UciResult rename() {
        if (!complete()) {
            return fail(Failure.NOT_FOUND);
        }
        if (pointer.sectionRef().isEmpty() || pointer.value().isEmpty()) {
            return fail(Failure.INVALID);
        }
        // uci_rename does not check the new name; delta.c drops a rename to an invalid name on load
        UciSection section = section().orElseThrow();
        String newName = pointer.value().get();
        UciDelta delta = UciDelta.of(Op.RENAME, section.name(), pointer.option(), newName);
        if (pointer.option().isPresent()) {
            return replace(section.renamedOption(pointer.option().get(), newName), delta);
        }
        return replace(new UciSection(section.type(), newName, false, section.options()), delta);
    }

    private UciResult reorder() {
        if (section().isEmpty() || pointer.value().isEmpty()) {
            return fail(Failure.NOT_FOUND);
        }
        List<UciSection> sections = new ArrayList<>(config.sections());
        int from = index.orElseThrow();
        UciSection moved = sections.remove(from);
        int requested = UciNumbers.strtoulAsInt(pointer.value().get());
        int to = Math.max(0, Math.min(requested, sections.size()));
        sections.add(to, moved);
        if (to == from) {
            return ok(config, List.of(), List.of()); // list.c uci_list_set_pos: same predecessor, nothing recorded
        }
        return ok(config.withSections(sections, config.sectionCounter()), List.of(),
                List.of(UciDelta.of(Op.REORDER, moved.name(), Optional.empty(), Integer.toString(requested))));
    }

    private UciResult replace(UciSection section, UciDelta delta) {
        List<UciSection> sections = new ArrayList<>(config.sections());
        sections.set(index.orElseThrow(), section);
        return ok(config.withSections(sections, config.sectionCounter()), List.of(), List.of(delta));
    }

    private static UciResult ok(UciConfig config, List<String> stdout, List<UciDelta> deltas) {
        return new UciResult(config, stdout, List.of(), 0, deltas);
    }

    private UciResult fail(Failure failure) {
        return new UciResult(config, List.of(), List.of(failure.message), 1);
    }

    private UciResult silentFailure() {
        return new UciResult(config, List.of(), List.of(), 1);
    }
}
