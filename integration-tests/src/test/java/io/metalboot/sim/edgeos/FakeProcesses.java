package io.metalboot.sim.edgeos;

import io.metalboot.sim.shell.Processes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A process table holding only daemons: enough for pidof and kill in these tests. */
final class FakeProcesses implements Processes {
    private final Map<Integer, Info> processes = new LinkedHashMap<>();
    private final Map<Integer, Runnable> onKill = new LinkedHashMap<>();
    private int nextPid = 1000;

    @Override
    public synchronized List<Info> list() {
        return new ArrayList<>(processes.values());
    }

    @Override
    public synchronized Optional<Info> find(int pid) {
        return Optional.ofNullable(processes.get(pid));
    }

    @Override
    public boolean kill(int pid) {
        Runnable action;
        synchronized (this) {
            if (processes.remove(pid) == null) {
                return false;
            }
            action = onKill.remove(pid);
        }
        action.run();
        return true;
    }

    @Override
    public synchronized int startDaemon(String commandLine, Runnable killed) {
        int pid = nextPid++;
        processes.put(pid, new Info(pid, 1, commandLine));
        onKill.put(pid, killed);
        return pid;
    }

    @Override
    public synchronized void remove(int pid) {
        processes.remove(pid);
        onKill.remove(pid);
    }

    /** {@code pidof NAME}: pids whose command's program is NAME. */
    synchronized List<Integer> pidof(String name) {
        return processes.values().stream()
                .filter(info -> info.commandLine().split(" ")[0].endsWith("/" + name))
                .map(Info::pid).toList();
    }
}
