package io.metalboot.sim.shell;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** A shell's variables, positional parameters, options, functions and jobs; copied for a subshell. */
final class ShellState {
    final Map<String, String> vars;
    final Set<String> exported;
    final Map<String, Node> functions;
    /** Background jobs started by this shell, by pid (for {@code wait}). */
    final Map<Integer, Proc> jobs;
    String arg0;
    List<String> positional;
    String cwd;
    int status;
    Optional<Integer> lastBackground = Optional.empty();
    boolean errexit;
    boolean nounset;
    /** {@code trap CMD EXIT}: run when this shell ends (not inherited by subshells). */
    Optional<String> exitTrap = Optional.empty();
    /** {@code $$}: the pid of the shell (a subshell keeps its parent's). */
    final int shellPid;
    final int parentPid;

    ShellState(Map<String, String> env, String arg0, List<String> positional, String cwd, int shellPid, int parentPid) {
        this.vars = new LinkedHashMap<>(env);
        this.exported = new HashSet<>(env.keySet());
        this.functions = new LinkedHashMap<>();
        this.jobs = new LinkedHashMap<>();
        this.arg0 = arg0;
        this.positional = new ArrayList<>(positional);
        this.cwd = cwd;
        this.shellPid = shellPid;
        this.parentPid = parentPid;
        vars.putIfAbsent("IFS", " \t\n");
        vars.put("PWD", cwd);
        vars.put("PPID", String.valueOf(parentPid));
    }

    private ShellState(ShellState from) {
        this.vars = new LinkedHashMap<>(from.vars);
        this.exported = new HashSet<>(from.exported);
        this.functions = new LinkedHashMap<>(from.functions);
        this.jobs = new LinkedHashMap<>();
        this.arg0 = from.arg0;
        this.positional = new ArrayList<>(from.positional);
        this.cwd = from.cwd;
        this.status = from.status;
        this.lastBackground = from.lastBackground;
        this.errexit = from.errexit;
        this.nounset = from.nounset;
        this.shellPid = from.shellPid;
        this.parentPid = from.parentPid;
    }

    /** What a subshell ({@code ( … )}, {@code $( … )}, a pipeline stage, a background job) starts with. */
    ShellState copy() {
        return new ShellState(this);
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(vars.get(name));
    }

    void set(String name, String value) {
        vars.put(name, value);
    }

    void unset(String name) {
        vars.remove(name);
        exported.remove(name);
    }

    /** The environment a program gets: exported variables, sorted. */
    Map<String, String> environment() {
        Map<String, String> env = new TreeMap<>();
        for (String name : exported) {
            if (vars.containsKey(name)) {
                env.put(name, vars.get(name));
            }
        }
        return env;
    }

    /** {@code $-}. */
    String flags() {
        return (errexit ? "e" : "") + (nounset ? "u" : "");
    }
}
