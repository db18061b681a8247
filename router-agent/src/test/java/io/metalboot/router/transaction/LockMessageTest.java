package io.metalboot.router.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LockMessageTest {
    static final String M = "@@mb-0001-abcdef ";
    static final Transaction.Options OPTIONS = new Transaction.Options("me@here 1", Duration.ofSeconds(120), false);
    static final String TAIL = "; nothing was changed. Wait for it to finish, or if it died, run apply again with --break-lock";

    record Case(String name, String stdout, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("owner with time", M + "locked\nbob@desk 4242 1000\n\n" + M + "now 1090\n",
                        "the router is locked by another apply: bob@desk 4242 for 90 s" + TAIL),
                new Case("clock behind", M + "locked\nbob@desk 4242 1000\n\n" + M + "now 900\n",
                        "the router is locked by another apply: bob@desk 4242 for 0 s" + TAIL),
                new Case("owner without time", M + "locked\nsomeone by hand\n\n" + M + "now 1090\n",
                        "the router is locked by another apply: someone by hand" + TAIL),
                new Case("no owner file", M + "locked\n\n" + M + "now 1090\n",
                        "the router is locked by another apply: (no owner recorded)" + TAIL));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void saysWhoHoldsTheLockAndSinceWhen(Case c) {
        assertEquals(c.expected(), LockMessage.held(OPTIONS, c.stdout(), M));
    }

    @Test
    void textAfterAMarkerStopsAtTheNextMarker() {
        assertEquals("uci: Entry not found\n", LockMessage.after(M + "revert-failed\nuci: Entry not found\n" + M + "x\n", M + "revert-failed"));
        assertEquals("", LockMessage.after("nothing\n", M + "revert-failed"));
    }

    @Test
    void optionsAreValidated() {
        assertEquals("the confirm timeout must be at least 1 s, not PT0S", assertThrows(IllegalArgumentException.class,
                () -> new Transaction.Options("me@here 1", Duration.ZERO, false)).getMessage());
        assertEquals("the lock owner cannot be blank", assertThrows(IllegalArgumentException.class,
                () -> new Transaction.Options(" ", Duration.ofSeconds(3), false)).getMessage());
    }
}
