package io.metalboot.router;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MacAddressTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "00:00:00:00:00:11 | 00:00:00:00:00:11",
        "B8:AE:ED:7A:B6:92 | b8:ae:ed:7a:b6:92",
        "b8-ae-ed-7a-b6-92 | b8:ae:ed:7a:b6:92",
        "b8ae.ed7a.b692    | b8:ae:ed:7a:b6:92",
        "00:00:00:00:00:1  | ",
        "00:00:00:00:00:1g | ",
        "00:00:00:00:00    | ",
        "00:00-00:00:00:11 | ",
    })
    void parsesTheSpellingsMatchboxAccepts(String text, String canonical) {
        assertEquals(Optional.ofNullable(canonical), MacAddress.parse(text).map(MacAddress::toString));
    }
}
