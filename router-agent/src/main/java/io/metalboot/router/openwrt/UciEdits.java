package io.metalboot.router.openwrt;

import io.metalboot.router.openwrt.UciValue.ListValue;
import io.metalboot.router.openwrt.UciValue.StringValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Option edits with list.c's semantics as of openwrt/uci b7ceda9 and b2f3417 (2022-11-20, in
 * OpenWrt 23.05): {@code uci_set} of a changed value (or of a string over a list) allocates the new
 * option right after the old one and frees the old, so the option keeps its position; a new option
 * goes to the end; an unchanged string is left alone; an empty value deletes. {@code uci_add_list}
 * appends to a list, and turns a string into a list in the string's place; {@code uci_del_list}
 * removes every equal item and may leave an empty list.
 */
final class UciEdits {
    private UciEdits() {
    }

    static UciSection set(UciSection section, String option, String value) {
        Optional<UciValue> existing = section.option(option);
        if (value.isEmpty()) {
            return existing.isPresent() ? section.without(option) : section;
        }
        if (existing.isPresent() && existing.get() instanceof StringValue string && string.value().equals(value)) {
            return section;
        }
        return section.replacing(option, new StringValue(value));
    }

    static UciSection addList(UciSection section, String option, String value) {
        Optional<UciValue> existing = section.option(option);
        if (existing.isPresent() && existing.get() instanceof ListValue list) {
            List<String> items = new ArrayList<>(list.items());
            items.add(value);
            return section.replacing(option, new ListValue(items));
        }
        List<String> items = new ArrayList<>(existing.map(UciValue::items).orElse(List.of()));
        items.add(value);
        return section.replacing(option, new ListValue(items));
    }

    static UciSection delList(UciSection section, String option, String value) {
        Optional<UciValue> existing = section.option(option);
        if (existing.isEmpty() || !(existing.get() instanceof ListValue list)) {
            return section;
        }
        List<String> items = new ArrayList<>(list.items());
        items.removeIf(value::equals);
        return section.replacing(option, new ListValue(items));
    }

    /** {@code uci delete pkg.s.list=N}: removes the N-th item of a list (nothing if out of range). */
    static UciSection deleteItem(UciSection section, String option, int index) {
        UciValue value = section.option(option).orElseThrow();
        if (!(value instanceof ListValue list)) {
            return section.without(option);
        }
        if (index < 0 || index >= list.items().size()) {
            return section;
        }
        List<String> items = new ArrayList<>(list.items());
        items.remove(index);
        return section.replacing(option, new ListValue(items));
    }
}
