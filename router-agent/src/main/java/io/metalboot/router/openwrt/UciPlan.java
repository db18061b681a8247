package io.metalboot.router.openwrt;

import io.metalboot.router.RouterAgentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code uci batch} commands that make a package hold the desired sections. Only the sections
 * and options named in the desired config are touched: other sections, and options of a desired
 * section that it does not mention, stay as they are. Sections of the desired config must be named.
 */
public final class UciPlan {
    private UciPlan() {
    }

    /** Commands turning {@code current} into a config that has everything in {@code desired}; empty when it already has. */
    public static List<String> between(UciConfig current, UciConfig desired) {
        String pkg = desired.packageName();
        List<String> commands = new ArrayList<>();
        for (UciSection want : desired.sections()) {
            if (want.anonymous()) {
                throw new RouterAgentException("desired section 'config " + want.type() + "' has no name;"
                        + " give it one (config " + want.type() + " 'mb_…') so metalboot can find it again");
            }
            String ref = pkg + "." + want.name();
            Optional<UciSection> have = current.section(want.name());
            if (have.isPresent() && !have.get().type().equals(want.type())) {
                commands.add("delete " + ref);
                have = Optional.empty();
            }
            if (have.isEmpty()) {
                commands.add("set " + ref + "=" + want.type());
            }
            for (UciSection.Entry entry : want.options()) {
                Optional<UciValue> now = have.flatMap(s -> s.option(entry.name()));
                if (now.isPresent() && now.get().equals(entry.value())) {
                    continue;
                }
                String opt = ref + "." + entry.name();
                switch (entry.value()) {
                    case UciValue.StringValue s -> commands.add("set " + opt + "=" + UciNames.quote(s.value()));
                    case UciValue.ListValue l -> {
                        if (now.isPresent()) {
                            commands.add("delete " + opt);
                        }
                        l.items().forEach(item -> commands.add("add_list " + opt + "=" + UciNames.quote(item)));
                    }
                }
            }
        }
        return commands;
    }
}
