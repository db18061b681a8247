package io.metalboot.router.ssh;

import com.jcraft.jsch.UIKeyboardInteractive;
import com.jcraft.jsch.UserInfo;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * JSch's prompts, answered without a person at JSch's mercy: the password comes from
 * {@value Credentials#PASSWORD_VARIABLE} (offered once) or the prompt (asked at most three times),
 * and only when the router asks for it. Passphrases and yes/no questions are always declined:
 * keys are decrypted before connecting and host keys are decided by {@link HostKeyGate}.
 */
final class PasswordSource implements UserInfo, UIKeyboardInteractive {
    private static final System.Logger LOG = System.getLogger(PasswordSource.class.getName());
    private static final int PROMPT_ATTEMPTS = 3;

    private final RouterTarget target;
    private final Credentials credentials;
    private int attempts;
    private Optional<String> current = Optional.empty();

    PasswordSource(RouterTarget target, Credentials credentials) {
        this.target = target;
        this.credentials = credentials;
    }

    String describe() {
        return credentials.passwordFromEnvironment().isPresent()
                ? "password from " + Credentials.PASSWORD_VARIABLE : "password from the prompt";
    }

    private Optional<String> next() {
        attempts++;
        Optional<String> env = credentials.passwordFromEnvironment();
        if (env.isPresent()) {
            current = attempts == 1 ? env : Optional.empty();
        } else if (attempts <= PROMPT_ATTEMPTS && credentials.prompt().isPresent()) {
            current = credentials.prompt().get().ask("Password for " + target.user() + "@" + target.address() + ": ");
        } else {
            current = Optional.empty();
        }
        return current;
    }

    @Override
    public boolean promptPassword(String message) {
        return next().isPresent();
    }

    @Override
    public String getPassword() {
        return current.orElse(null);
    }

    @Override
    public String[] promptKeyboardInteractive(String destination, String name, String instruction, String[] prompt,
            boolean[] echo) {
        if (prompt.length == 0) {
            return new String[0];
        }
        if (prompt.length == 1 && !echo[0]) {
            return next().map(p -> new String[] {p}).orElse(null);
        }
        return null;
    }

    @Override
    public boolean promptPassphrase(String message) {
        return false;
    }

    @Override
    public String getPassphrase() {
        return null;
    }

    @Override
    public boolean promptYesNo(String message) {
        return false;
    }

    @Override
    public void showMessage(String message) {
        LOG.log(Level.DEBUG, "router={0} says: {1}", target.address(), message.strip());
    }
}
