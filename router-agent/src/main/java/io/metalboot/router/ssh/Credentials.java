package io.metalboot.router.ssh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the secrets for a router login come from: the key file named by the {@link RouterTarget}
 * (else {@code ~/.ssh/id_ed25519}, {@code id_ecdsa}, {@code id_rsa}), its passphrase from
 * {@value #PASSPHRASE_VARIABLE}, the ssh-agent at {@value #AGENT_VARIABLE}, and a password only
 * from {@value #PASSWORD_VARIABLE} or an interactive prompt. Keys and the agent are tried first;
 * the password only when the router asks for one. No secret is ever logged or put in a message.
 */
public final class Credentials {
    public static final String PASSWORD_VARIABLE = "METALBOOT_ROUTER_PASSWORD";
    public static final String PASSPHRASE_VARIABLE = "METALBOOT_KEY_PASSPHRASE";
    public static final String AGENT_VARIABLE = "SSH_AUTH_SOCK";
    private static final List<String> DEFAULT_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");

    /** Reads environment variables; {@link #system()} is the process environment, tests pass a map. */
    @FunctionalInterface
    public interface Environment {
        Optional<String> get(String name);

        static Environment system() {
            return name -> Optional.ofNullable(System.getenv(name)).filter(v -> !v.isEmpty());
        }
    }

    /** Asks a person for the router password; empty when they decline. {@code question} names user and router. */
    @FunctionalInterface
    public interface PasswordPrompt {
        Optional<String> ask(String question);
    }

    private final Environment environment;
    private final Optional<PasswordPrompt> prompt;

    private Credentials(Environment environment, Optional<PasswordPrompt> prompt) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.prompt = Objects.requireNonNull(prompt, "prompt");
    }

    /** Key files, agent and password from the process environment; no prompt. */
    public static Credentials fromEnvironment() {
        return new Credentials(Environment.system(), Optional.empty());
    }

    /** As {@link #fromEnvironment()}, but reading {@code environment} and asking {@code prompt} when no password is set. */
    public static Credentials of(Environment environment, Optional<PasswordPrompt> prompt) {
        return new Credentials(environment, prompt);
    }

    public Credentials withPrompt(PasswordPrompt p) {
        return new Credentials(environment, Optional.of(p));
    }

    Optional<String> keyPassphrase() {
        return environment.get(PASSPHRASE_VARIABLE);
    }

    Optional<Path> agentSocket() {
        return environment.get(AGENT_VARIABLE).map(Path::of);
    }

    Optional<String> passwordFromEnvironment() {
        return environment.get(PASSWORD_VARIABLE);
    }

    Optional<PasswordPrompt> prompt() {
        return prompt;
    }

    boolean mayUsePassword() {
        return passwordFromEnvironment().isPresent() || prompt.isPresent();
    }

    /** The default key files under {@code $HOME/.ssh} that exist, in the order OpenSSH tries them. */
    List<Path> defaultKeyFiles() {
        return environment.get("HOME").stream()
                .flatMap(home -> DEFAULT_KEYS.stream().map(k -> Path.of(home, ".ssh", k)))
                .filter(Files::isRegularFile)
                .toList();
    }

    @Override
    public String toString() {
        return "Credentials[agent=" + agentSocket().isPresent() + ", password=" + mayUsePassword() + "]";
    }
}
