package io.metalboot.router.openwrt;

import java.util.List;

/** An option's value: a string ({@code option k 'v'}) or a list ({@code list k 'a'}, {@code list k 'b'}). */
public sealed interface UciValue permits UciValue.StringValue, UciValue.ListValue {

    /** uci's {@code UCI_TYPE_STRING}. */
    record StringValue(String value) implements UciValue {
    }

    /** uci's {@code UCI_TYPE_LIST}, items in order (may be empty after {@code del_list}). */
    record ListValue(List<String> items) implements UciValue {
        public ListValue {
            items = List.copyOf(items);
        }
    }

    /** The items as shell code reads them: a string is one item, a list its items. */
    default List<String> items() {
        return switch (this) {
            case StringValue string -> List.of(string.value());
            case ListValue list -> list.items();
        };
    }
}
