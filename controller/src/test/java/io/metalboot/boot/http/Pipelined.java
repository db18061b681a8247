package io.metalboot.boot.http;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Many raw HTTP/1.1 requests on one keep-alive connection, written while the answers are read: a flood without a client library. */
final class Pipelined {
    private Pipelined() {
    }

    /** Sends each request head (request line and headers, without the blank line) and counts the answers by status. */
    static Map<Integer, Integer> send(int port, List<String> heads) throws IOException, InterruptedException {
        Map<Integer, Integer> statuses = new TreeMap<>();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    for (String head : heads) {
                        out.write((head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    }
                    out.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            InputStream in = new BufferedInputStream(s.getInputStream(), 1 << 16);
            for (int i = 0; i < heads.size(); i++) {
                String status = line(in);
                int code = Integer.parseInt(status.split(" ")[1]);
                statuses.merge(code, 1, Integer::sum);
                long length = 0;
                for (String h = line(in); !h.isEmpty(); h = line(in)) {
                    if (h.toLowerCase().startsWith("content-length:")) {
                        length = Long.parseLong(h.substring(15).strip());
                    }
                }
                if (!heads.get(i).startsWith("HEAD ") && code != 304) {
                    in.skipNBytes(length);
                }
            }
            writer.join(30_000);
        }
        return statuses;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the server closed the connection after: " + b);
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }
}
