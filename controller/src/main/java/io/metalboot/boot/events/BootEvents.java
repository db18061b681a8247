package io.metalboot.boot.events;

import io.metalboot.boot.Progress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Where every boot event goes: the persistent {@link EventLog}, {@link Progress} (behind {@code /status}), the
 * {@link Board} (behind {@code /ui} and {@code metalboot machines}) and the page's live streams. At start the log is
 * replayed, so a restarted server shows the history it had.
 */
public final class BootEvents implements AutoCloseable {
    /** Live streams at most; one more is refused. */
    public static final int MAX_WATCHERS = 32;
    /** Updates a slow stream may lag behind before it misses some. */
    static final int WATCH_QUEUE = 1024;
    private final EventLog log;
    private final Progress progress;
    private final Board board;
    private final Oui oui;
    private final Clock clock;
    private final List<BlockingQueue<Board.Row>> watchers = new CopyOnWriteArrayList<>();
    /** Streams whose queue was full: they missed an update, so they end and the page reloads the whole list. */
    private final java.util.Set<BlockingQueue<Board.Row>> behind = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public BootEvents(EventLog log, Progress progress, Board board, Oui oui, Clock clock) {
        this.log = log;
        this.progress = progress;
        this.board = board;
        this.oui = oui;
        this.clock = clock;
        for (BootEvent e : log.replay()) {
            progress.seen(e.mac(), e.client(), e.stage(), e.time());
            board.apply(e);
        }
    }

    /** Nothing kept beyond {@code progress} and an in-memory board (tests, and the routing without a state dir). */
    public static BootEvents inMemory(Progress progress) {
        return new BootEvents(EventLog.NONE, progress, new Board(List.of()), new Oui(Oui.DEBIAN), Clock.systemUTC());
    }

    public Progress progress() {
        return progress;
    }

    public Board board() {
        return board;
    }

    public Optional<String> vendor(String mac) {
        return oui.vendor(mac);
    }

    /** {@code mac} reached {@code stage}, asking {@code endpoint} from {@code client}. */
    public void seen(String mac, String client, String stage, String endpoint, String profile, int status, Map<String, String> details) {
        BootEvent e = new BootEvent(clock.instant(), mac, stage, client, endpoint, profile, status, details);
        progress.seen(mac, client, stage, e.time());
        log.append(e);
        Board.Row row = board.apply(e);
        for (BlockingQueue<Board.Row> q : watchers) {
            if (!q.offer(row)) { // a full queue: that stream is too slow and misses this update
                behind.add(q);
            }
        }
    }

    /** An event from a client known only by its address (assets, TFTP); dropped when no MAC was seen from it. */
    public void seenAt(String client, String stage, String endpoint, Map<String, String> details) {
        progress.macAt(client).ifPresent(mac -> seen(mac, client, stage, endpoint, "", 200, details));
    }

    /** A stream of machine updates; empty when {@link #MAX_WATCHERS} are open already. */
    public synchronized Optional<BlockingQueue<Board.Row>> watch() {
        if (watchers.size() >= MAX_WATCHERS) {
            return Optional.empty();
        }
        BlockingQueue<Board.Row> q = new ArrayBlockingQueue<>(WATCH_QUEUE);
        watchers.add(q);
        return Optional.of(q);
    }

    /** Whether stream {@code q} missed an update (it should end, so that its page loads the whole list again). */
    public boolean fellBehind(BlockingQueue<Board.Row> q) {
        return behind.contains(q);
    }

    public void unwatch(BlockingQueue<Board.Row> q) {
        watchers.remove(q);
        behind.remove(q);
    }

    @Override
    public void close() {
        log.close();
    }
}
