package io.metalboot.sim.shell;

/** Shell source text with a read position. */
final class Source {
    final String text;
    int pos;

    Source(String text) {
        this.text = text;
    }

    int peek() {
        return peek(0);
    }

    int peek(int ahead) {
        int i = pos + ahead;
        return i < text.length() ? text.charAt(i) : -1;
    }

    int next() {
        return pos < text.length() ? text.charAt(pos++) : -1;
    }

    boolean eof() {
        return pos >= text.length();
    }

    /** Reads up to (not including) the next newline or the end; consumes the newline. Null at end. */
    String line() {
        if (eof()) {
            return null;
        }
        int nl = text.indexOf('\n', pos);
        String line = nl < 0 ? text.substring(pos) : text.substring(pos, nl);
        pos = nl < 0 ? text.length() : nl + 1;
        return line;
    }
}
