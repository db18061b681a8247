package io.metalboot.assets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What a person sees: the bar on a terminal, plain lines in a log, nothing when quiet. */
class ProgressDisplayTest {
    private static final long SECOND = 1_000_000_000L;
    private final StringWriter text = new StringWriter();
    private final AtomicLong now = new AtomicLong(5 * SECOND);

    private ProgressDisplay display(ProgressDisplay.Mode mode) {
        return new ProgressDisplay(new PrintWriter(text), mode, 100, now::get);
    }

    @Test
    void theBarShowsBytesPercentRateAndEta() {
        ProgressDisplay bar = display(ProgressDisplay.Mode.BAR);
        bar.started("flatcar_production_pxe_image.cpio.gz", 0, OptionalLong.of(400_000_000));
        now.addAndGet(10 * SECOND);
        bar.progressed(100_000_000);
        assertEquals("flatcar_production_pxe_image.cpio.gz  25% [==>        ] 100.0 MB/400.0 MB  10.0 MB/s  ETA 30s",
                bar.barLine());
        now.addAndGet(30 * SECOND);
        bar.progressed(400_000_000);
        bar.finished("flatcar_production_pxe_image.cpio.gz", 400_000_000);
        String out = text.toString();
        assertTrue(out.startsWith("\rflatcar_production_pxe_image.cpio.gz   0% ["), out);
        assertTrue(out.contains("\r\u001b[K"), "the bar is cleared before the summary line");
        assertTrue(out.endsWith("flatcar_production_pxe_image.cpio.gz: 400.0 MB in 40.0 s (10.0 MB/s)" + System.lineSeparator()), out);
    }

    @Test
    void aResumedTransferCountsItsRateFromWhereItResumed() {
        ProgressDisplay bar = display(ProgressDisplay.Mode.BAR);
        bar.started("k", 300_000_000, OptionalLong.of(400_000_000));
        now.addAndGet(4 * SECOND);
        bar.progressed(340_000_000);
        assertTrue(bar.barLine().endsWith(" 340.0 MB/400.0 MB  10.0 MB/s  ETA 6s"), bar.barLine());
        bar.finished("k", 400_000_000);
        assertTrue(text.toString().endsWith("k: 100.0 MB in 4.0 s (25.0 MB/s), 400.0 MB in all" + System.lineSeparator()), text.toString());
    }

    @Test
    void aNarrowTerminalStillGetsOneLine() {
        ProgressDisplay bar = new ProgressDisplay(new PrintWriter(text), ProgressDisplay.Mode.BAR, 40, now::get);
        bar.started("flatcar_production_pxe_image.cpio.gz", 0, OptionalLong.of(400_000_000));
        now.addAndGet(SECOND);
        bar.progressed(4_000_000);
        assertTrue(bar.barLine().length() < 40, bar.barLine());
    }

    @Test
    void plainLinesCarryNoControlCharacters() {
        ProgressDisplay lines = display(ProgressDisplay.Mode.LINES);
        lines.started("flatcar_production_pxe.vmlinuz", 0, OptionalLong.of(58_300_000));
        lines.progressed(1_000_000);
        lines.note("flatcar_production_pxe.vmlinuz: connection reset\r\u001b[2J; retrying in 1.0 s, resuming at 1.0 MB");
        lines.started("flatcar_production_pxe.vmlinuz", 1_000_000, OptionalLong.of(58_300_000));
        now.addAndGet(2 * SECOND);
        lines.finished("flatcar_production_pxe.vmlinuz", 58_300_000);
        String nl = System.lineSeparator();
        assertEquals("flatcar_production_pxe.vmlinuz: downloading 58.3 MB" + nl
                + "flatcar_production_pxe.vmlinuz: connection reset??[2J; retrying in 1.0 s, resuming at 1.0 MB" + nl
                + "flatcar_production_pxe.vmlinuz: resuming at 1.0 MB of 58.3 MB" + nl
                + "flatcar_production_pxe.vmlinuz: 57.3 MB in 2.0 s (28.7 MB/s), 58.3 MB in all" + nl, text.toString());
    }

    @Test
    void quietShowsNothing() {
        ProgressDisplay quiet = display(ProgressDisplay.Mode.QUIET);
        quiet.started("k", 0, OptionalLong.empty());
        quiet.progressed(5);
        quiet.note("retrying");
        quiet.finished("k", 5);
        assertEquals("", text.toString());
    }
}
