package io.metalboot.sim.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulated router's processes. Every shell, subshell, pipeline stage, background job and
 * program gets a pid (from 1000, increasing) and runs on its own virtual thread; {@link #kill}
 * interrupts it (it then ends with status 143). Daemons registered with {@link #startDaemon} have
 * no thread: killing one runs its {@code onKill}.
 */
public final class ProcessTable implements Processes {
    /** A process body: runs on the process's own thread. */
    @FunctionalInterface
    interface Body {
        int run(Proc self) throws InterruptedException;
    }

    private final AtomicInteger nextPid = new AtomicInteger(1000);
    private final Map<Integer, Proc> procs = new ConcurrentSkipListMap<>();

    @Override
    public List<Info> list() {
        return procs.values().stream().map(ProcessTable::info).toList();
    }

    @Override
    public Optional<Info> find(int pid) {
        return Optional.ofNullable(procs.get(pid)).map(ProcessTable::info);
    }

    private static Info info(Proc p) {
        return new Info(p.pid, p.parentPid, p.commandLine());
    }

    Optional<Proc> proc(int pid) {
        return Optional.ofNullable(procs.get(pid));
    }

    @Override
    public boolean kill(int pid) {
        Proc p;
        synchronized (this) {
            p = procs.get(pid);
            if (p == null) {
                return false;
            }
            p.markKilled();
            if (p.onKill.isPresent()) {
                procs.remove(pid);
            } else {
                Thread t = p.thread;
                if (t != null) {
                    t.interrupt();
                }
            }
        }
        p.onKill.ifPresent(Runnable::run);
        return true;
    }

    /** A simulated reboot: every process and daemon is killed. */
    public void killAll() {
        for (Integer pid : new ArrayList<>(procs.keySet())) {
            kill(pid);
        }
    }

    @Override
    public int startDaemon(String commandLine, Runnable onKill) {
        int pid = nextPid.getAndIncrement();
        procs.put(pid, new Proc(pid, 1, commandLine, ShellObserver.NONE, Optional.of(onKill)));
        return pid;
    }

    @Override
    public void remove(int pid) {
        procs.remove(pid);
    }

    /** Starts {@code body} as a new process on its own virtual thread. */
    Proc spawn(int parentPid, String commandLine, ShellObserver observer, Body body) {
        int pid = nextPid.getAndIncrement();
        Proc p = new Proc(pid, parentPid, commandLine, observer, Optional.empty());
        Thread t = Thread.ofVirtual().name("sim-pid-" + pid).unstarted(() -> runBody(p, body));
        p.thread = t;
        procs.put(pid, p);
        t.start();
        return p;
    }

    private void runBody(Proc p, Body body) {
        int status;
        try {
            status = body.run(p);
        } catch (InterruptedException e) {
            status = 143;
        } catch (Pipe.BrokenPipe e) {
            status = 141;
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                procs.remove(p.pid);
            }
            p.exit.completeExceptionally(e);
            return;
        }
        synchronized (this) {
            procs.remove(p.pid);
            Thread.interrupted();
        }
        p.exit.complete(p.killed() ? 143 : status);
    }

    /**
     * Waits for all of {@code ps} (a pipeline) and returns the last one's status; a failure in any
     * of them (a dropped connection) is rethrown at once, without waiting for the others.
     */
    static int awaitAll(List<Proc> ps) throws InterruptedException {
        java.util.concurrent.CompletableFuture<Object> failed = new java.util.concurrent.CompletableFuture<>();
        for (Proc p : ps) {
            p.exit.whenComplete((status, error) -> {
                if (error != null) {
                    failed.completeExceptionally(error);
                }
            });
        }
        java.util.concurrent.CompletableFuture<?>[] all = ps.stream().map(p -> p.exit).toArray(java.util.concurrent.CompletableFuture[]::new);
        try {
            java.util.concurrent.CompletableFuture.anyOf(java.util.concurrent.CompletableFuture.allOf(all), failed).get();
        } catch (ExecutionException e) {
            // rethrown below by await of the failed stage
        }
        for (Proc p : ps) {
            if (p.exit.isCompletedExceptionally()) {
                await(p);
            }
        }
        return await(ps.get(ps.size() - 1));
    }

    /**
     * Waits for {@code p} to end and returns its status; a {@link ConnectionDropped} (or any
     * failure) inside it is rethrown here, in the waiting parent.
     */
    static int await(Proc p) throws InterruptedException {
        try {
            return p.exit.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
