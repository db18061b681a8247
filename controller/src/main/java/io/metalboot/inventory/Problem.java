package io.metalboot.inventory;

/** One thing wrong with an inventory file, located by file and line (0 when it concerns the whole file). */
public record Problem(String file, int line, String message) implements Comparable<Problem> {
    @Override
    public int compareTo(Problem o) {
        return line != o.line ? Integer.compare(line, o.line) : message.compareTo(o.message);
    }

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
