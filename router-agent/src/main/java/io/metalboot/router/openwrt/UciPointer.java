package io.metalboot.router.openwrt;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * uci's {@code <config>[.<section>[.<option>]][=<value>]} (util.c {@code uci_parse_ptr} and list.c
 * {@code uci_lookup_ptr}). A section that is not a valid name is "extended" and must read
 * {@code @type[index]} or {@code @[index]} (negative counts from the end), else the pointer is an
 * invalid argument. Lookup leaves {@code section}/{@code option} empty when they do not exist.
 */
record UciPointer(String packageName, Optional<String> sectionRef, Optional<String> option, Optional<String> value) {
    private static final Pattern EXTENDED = Pattern.compile("@([^\\[\\]]*)\\[(-?\\d+)]");

    /** Why a pointer could not be used, in uci's words. */
    enum Failure {
        PARSE("uci: Parse error"), INVALID("uci: Invalid argument"), NOT_FOUND("uci: Entry not found");

        final String message;

        Failure(String message) {
            this.message = message;
        }
    }

    /** A parse result: the pointer or the failure. */
    record Parsed(Optional<UciPointer> pointer, Optional<Failure> failure) {
    }

    static Parsed parse(String text) {
        Optional<String> value = Optional.empty();
        int equals = text.indexOf('=');
        String path = text;
        if (equals >= 0) {
            value = Optional.of(text.substring(equals + 1));
            path = text.substring(0, equals);
        }
        String[] parts = path.split("\\.", -1);
        if (parts.length > 3 || !UciNames.isType(parts[0])) {
            return failed(Failure.PARSE);
        }
        Optional<String> option = parts.length == 3 ? Optional.of(parts[2]) : Optional.empty();
        if (option.isPresent() && !UciNames.isName(option.get())) {
            return failed(Failure.PARSE);
        }
        if (value.isPresent() && !UciNames.isText(value.get())) {
            return failed(Failure.PARSE);
        }
        Optional<String> section = parts.length >= 2 ? Optional.of(parts[1]) : Optional.empty();
        if (section.isPresent() && !UciNames.isName(section.get()) && !EXTENDED.matcher(section.get()).matches()) {
            return failed(Failure.INVALID);
        }
        return new Parsed(Optional.of(new UciPointer(parts[0], section, option, value)), Optional.empty());
    }

    private static Parsed failed(Failure failure) {
        return new Parsed(Optional.empty(), Optional.of(failure));
    }

    /** The index of the section this pointer names in {@code sections}, if it exists. */
    Optional<Integer> findSection(List<UciSection> sections) {
        if (sectionRef.isEmpty()) {
            return Optional.empty();
        }
        Matcher extended = EXTENDED.matcher(sectionRef.get());
        if (!extended.matches()) {
            for (int i = 0; i < sections.size(); i++) {
                if (sections.get(i).name().equals(sectionRef.get())) {
                    return Optional.of(i);
                }
            }
            return Optional.empty();
        }
        String type = extended.group(1);
        int index = Integer.parseInt(extended.group(2));
        List<Integer> candidates = new java.util.ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            if (type.isEmpty() || sections.get(i).type().equals(type)) {
                candidates.add(i);
            }
        }
        if (index < 0) {
            index += candidates.size();
        }
        return index >= 0 && index < candidates.size() ? Optional.of(candidates.get(index)) : Optional.empty();
    }

    boolean extended() {
        return sectionRef.isPresent() && EXTENDED.matcher(sectionRef.get()).matches();
    }
}
