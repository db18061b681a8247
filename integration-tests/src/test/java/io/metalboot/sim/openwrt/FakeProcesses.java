package io.metalboot.sim.openwrt;

import io.metalboot.sim.shell.Processes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A process table holding only daemons, enough for {@code pidof} and {@code kill} in tests. */
final class FakeProcesses implements Processes {
    private final AtomicInteger nextPid = new AtomicInteger(1200);
    private final Map<Integer, Info> table = new ConcurrentHashMap<>();
    private final Map<Integer, Runnable> onKill = new ConcurrentHashMap<>();

    @Override
    public List<Info> list() {
        return new ArrayList<>(table.values());
    }

    @Override
    public Optional<Info> find(int pid) {
        return Optional.ofNullable(table.get(pid));
    }

    @Override
    public boolean kill(int pid) {
        Info info = table.remove(pid);
        Runnable hook = onKill.remove(pid);
        if (hook != null) {
            hook.run();
        }
        return info != null;
    }

    @Override
    public int startDaemon(String commandLine, Runnable killed) {
        int pid = nextPid.getAndIncrement();
        table.put(pid, new Info(pid, 1, commandLine));
        onKill.put(pid, killed);
        return pid;
    }

    @Override
    public void remove(int pid) {
        table.remove(pid);
        onKill.remove(pid);
    }

    /** {@code pidof NAME}: pids whose program (first word, without directory) is NAME. */
    List<Integer> pidof(String name) {
        return table.values().stream().filter(info -> {
            String program = info.commandLine().split(" ")[0];
            return program.substring(program.lastIndexOf('/') + 1).equals(name);
        }).map(Info::pid).sorted().toList();
    }
}
