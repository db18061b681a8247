package io.metalboot.tftp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NegotiationTest {
    private static final Duration SERVER_TIMEOUT = Duration.ofSeconds(1);
    private static final long SIZE = 850_528;

    record Case(String name, Map<String, String> requested, Map<String, String> oack, int blksize, int windowsize,
            Duration timeout) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case when(String name, Map<String, String> requested, Map<String, String> oack, int blksize) {
        return new Case(name, requested, oack, blksize, 1, SERVER_TIMEOUT);
    }

    static Stream<Case> cases() {
        return Stream.of(
                when("no options: plain RFC 1350, no OACK", Map.of(), Map.of(), 512),
                when("blksize 1468 granted", Map.of("blksize", "1468"), Map.of("blksize", "1468"), 1468),
                when("blksize 8, the RFC 2348 minimum", Map.of("blksize", "8"), Map.of("blksize", "8"), 8),
                when("blksize 7 below the minimum: ignored", Map.of("blksize", "7"), Map.of(), 512),
                when("blksize 0: ignored", Map.of("blksize", "0"), Map.of(), 512),
                when("blksize 65464, the maximum", Map.of("blksize", "65464"), Map.of("blksize", "65464"), 65464),
                when("blksize 65465 answered with the maximum", Map.of("blksize", "65465"), Map.of("blksize", "65464"), 65464),
                when("blksize 999999999999 answered with the maximum", Map.of("blksize", "999999999999"),
                        Map.of("blksize", "65464"), 65464),
                when("blksize not a number: ignored", Map.of("blksize", "big"), Map.of(), 512),
                when("blksize negative: ignored", Map.of("blksize", "-1024"), Map.of(), 512),
                when("blksize empty: ignored", Map.of("blksize", ""), Map.of(), 512),
                when("blksize leading zeros normalised", Map.of("blksize", "01024"), Map.of("blksize", "1024"), 1024),
                when("option names are case-insensitive, echoed as spelled", Map.of("BlkSize", "1024"),
                        Map.of("BlkSize", "1024"), 1024),
                when("tsize 0 answered with the size", Map.of("tsize", "0"), Map.of("tsize", "850528"), 512),
                when("tsize with a value in a read request still answered with the size", Map.of("tsize", "12"),
                        Map.of("tsize", "850528"), 512),
                when("tsize not a number: ignored", Map.of("tsize", "x"), Map.of(), 512),
                new Case("timeout 3 s granted", Map.of("timeout", "3"), Map.of("timeout", "3"), 512, 1, Duration.ofSeconds(3)),
                new Case("timeout 5 s granted (the most granted)", Map.of("timeout", "5"), Map.of("timeout", "5"), 512, 1,
                        Duration.ofSeconds(5)),
                when("timeout 6: over the cap, not acknowledged", Map.of("timeout", "6"), Map.of(), 512),
                when("timeout 255: over the cap, not acknowledged", Map.of("timeout", "255"), Map.of(), 512),
                when("timeout 0: ignored", Map.of("timeout", "0"), Map.of(), 512),
                when("timeout 256: ignored", Map.of("timeout", "256"), Map.of(), 512),
                new Case("windowsize 16 granted", Map.of("windowsize", "16"), Map.of("windowsize", "16"), 512, 16, SERVER_TIMEOUT),
                new Case("windowsize 1 granted", Map.of("windowsize", "1"), Map.of("windowsize", "1"), 512, 1, SERVER_TIMEOUT),
                new Case("windowsize 65535 answered with 64", Map.of("windowsize", "65535"), Map.of("windowsize", "64"),
                        512, 64, SERVER_TIMEOUT),
                when("windowsize 0: ignored", Map.of("windowsize", "0"), Map.of(), 512),
                when("windowsize 65536: ignored", Map.of("windowsize", "65536"), Map.of(), 512),
                when("unknown options never acknowledged", Map.of("multicast", "", "utimeout", "500"), Map.of(), 512),
                new Case("all four at once, in a fixed order", ordered("windowsize", "16", "timeout", "2", "tsize", "0",
                        "blksize", "1468", "rollover", "0"),
                        ordered("blksize", "1468", "tsize", "850528", "timeout", "2", "windowsize", "16"), 1468, 16,
                        Duration.ofSeconds(2)),
                when("a valid option next to an invalid one", Map.of("blksize", "1468", "windowsize", "0"),
                        Map.of("blksize", "1468"), 1468));
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void negotiates(Case c) {
        Negotiation n = Negotiation.of(c.requested(), SIZE, SERVER_TIMEOUT);
        assertEquals(c.oack(), n.oack(), "OACK");
        assertEquals(c.blksize(), n.blksize(), "blksize");
        assertEquals(c.windowsize(), n.windowsize(), "windowsize");
        assertEquals(c.timeout(), n.timeout(), "timeout");
        if (c.name().contains("fixed order")) {
            assertEquals(c.oack().keySet().stream().toList(), n.oack().keySet().stream().toList(), "OACK order");
        }
    }
}
