package io.metalboot.adopt;

import io.metalboot.inventory.InventoryException;
import io.metalboot.inventory.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A new item for the {@code machines} list, written right after the list's last item in that item's style: the
 * same dash and key columns, key order, space after each colon, quoting, block or flow mapping, and line break.
 * Every other byte of the file stays as it was.
 */
final class ItemLayout {
    /** The fields a new item has, in the order used when the last item does not have them. */
    static final List<String> KEYS = List.of("name", "mac", "ip", "role");

    private ItemLayout() {
    }

    /** The text with the new item; its entry starts on line {@code line} (1-based). */
    record Edit(String text, int line) {
    }

    static Edit append(String file, String text, SequenceNode machines, Map<String, String> values) {
        if (machines.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            throw new InventoryException(List.of(new Problem(file, machines.getStartMark().getLine() + 1, "machines is written as"
                    + " a flow list ([...]); adopt adds to a block list (write it with one '- name: ...' item per machine)")));
        }
        Node last = machines.getValue().get(machines.getValue().size() - 1);
        Map<String, Composed.Entry> style = Composed.fields(last);
        List<String> order = new ArrayList<>(style.keySet().stream().filter(KEYS::contains).toList());
        KEYS.stream().filter(k -> !order.contains(k)).forEach(order::add);
        boolean flow = last instanceof MappingNode m && m.getFlowStyle() == DumperOptions.FlowStyle.FLOW;
        int dash = machines.getStartMark().getColumn();
        int body = last.getStartMark().getColumn() > dash ? last.getStartMark().getColumn() : dash + 2;
        String nl = TextLines.newline(text);
        StringBuilder item = new StringBuilder(" ".repeat(dash)).append('-').append(" ".repeat(body - dash - 1));
        if (flow) {
            item.append('{').append(String.join(", ", order.stream().map(k -> k + ": " + quoted(style.get(k), values.get(k))).toList()))
                    .append('}').append(nl);
        } else {
            for (int i = 0; i < order.size(); i++) {
                String k = order.get(i);
                item.append(i == 0 ? "" : " ".repeat(body)).append(k).append(':').append(" ".repeat(gap(style.get(k))))
                        .append(quoted(style.get(k), values.get(k))).append(nl);
            }
        }
        List<String> lines = TextLines.of(text);
        int after = Math.min(lastLine(last), lines.size() - 1);
        StringBuilder out = new StringBuilder(text.length() + item.length() + nl.length());
        lines.subList(0, after + 1).forEach(out::append);
        if (TextLines.terminated(lines.get(after))) {
            out.append(item);
        } else { // the last line of a file without a final line break: so is the new item's
            out.append(nl).append(item, 0, item.length() - nl.length());
        }
        lines.subList(after + 1, lines.size()).forEach(out::append);
        return new Edit(out.toString(), after + 2);
    }

    /** The 0-based line the item's last key or value ends on (a block mapping's own end mark lies beyond its comments). */
    private static int lastLine(Node item) {
        if (item instanceof MappingNode m && m.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            return m.getEndMark().getLine();
        }
        int line = item.getStartMark().getLine();
        for (var t : ((MappingNode) item).getValue()) {
            line = Math.max(line, t.getKeyNode().getStartMark().getLine());
            Node v = t.getValueNode();
            int end = v.getEndMark().getLine();
            if (v.getEndMark().getColumn() == 0 && end > v.getStartMark().getLine()) {
                end--; // a block scalar ends at the start of the next line
            }
            line = Math.max(line, end);
        }
        return line;
    }

    /** The spaces between {@code key:} and its value in the last item (one when that item lacks the key). */
    private static int gap(Composed.Entry e) {
        if (e == null || e.key().getEndMark().getLine() != e.value().getStartMark().getLine()) {
            return 1;
        }
        return Math.max(1, e.value().getStartMark().getColumn() - e.key().getEndMark().getColumn() - 1);
    }

    /** {@code value} quoted as the last item quoted this key; the values adopt writes hold no quote characters. */
    private static String quoted(Composed.Entry e, String value) {
        if (e == null) {
            return value;
        }
        return switch (e.value().getScalarStyle()) {
            case SINGLE_QUOTED -> "'" + value + "'";
            case DOUBLE_QUOTED -> "\"" + value + "\"";
            default -> value;
        };
    }
}
