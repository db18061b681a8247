package io.metalboot.sim.shell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** {@code read [-r] [-p PROMPT] NAME…}: one line from stdin, read byte by byte so nothing past it is consumed. */
final class ReadBuiltin {
    private ReadBuiltin() {
    }

    static int read(Interp ip, List<String> args) throws InterruptedException {
        boolean raw = false;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-r")) {
                raw = true;
            } else if (a.equals("-p") && i + 1 < args.size()) {
                ip.io.err().print(args.get(++i));
                ip.io.err().flush();
            } else {
                names.add(a);
            }
        }
        if (names.isEmpty()) {
            names.add("REPLY");
        }
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean eof = false;
        InputStream in = ip.io.in();
        try {
            while (true) {
                int c = in.read();
                if (c < 0) {
                    eof = true;
                    break;
                }
                if (c == '\\' && !raw) {
                    int n = in.read();
                    if (n == '\n' || n < 0) {
                        continue;
                    }
                    line.write(n);
                    continue;
                }
                if (c == '\n') {
                    break;
                }
                line.write(c);
            }
        } catch (InterruptedIOException e) {
            throw new InterruptedException("killed");
        } catch (IOException e) {
            eof = true;
        }
        assign(ip, names, line.toString(StandardCharsets.UTF_8));
        return eof ? 1 : 0;
    }

    private static void assign(Interp ip, List<String> names, String text) {
        String ifs = ip.st.get("IFS").orElse(" \t\n");
        int pos = 0;
        for (int i = 0; i < names.size(); i++) {
            while (pos < text.length() && ifs.indexOf(text.charAt(pos)) >= 0 && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            if (i == names.size() - 1) {
                String rest = text.substring(pos);
                int end = rest.length();
                while (end > 0 && ifs.indexOf(rest.charAt(end - 1)) >= 0 && Character.isWhitespace(rest.charAt(end - 1))) {
                    end--;
                }
                ip.st.set(names.get(i), rest.substring(0, end));
                return;
            }
            int start = pos;
            while (pos < text.length() && ifs.indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            ip.st.set(names.get(i), text.substring(start, pos));
            if (pos < text.length()) {
                pos++;
            }
        }
    }
}
