package io.metalboot.template;

/** A template's name and text, turning source offsets into {@code NAME:LINE:COL} (both 1-based). */
record Source(String name, String text) {

    String location(int pos) {
        int end = Math.min(Math.max(pos, 0), text.length());
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return name + ":" + line + ":" + (text.codePointCount(lineStart, end) + 1);
    }

    int line(int pos) {
        int line = 1;
        for (int i = 0; i < Math.min(pos, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
