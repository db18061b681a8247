package io.metalboot.router.ssh;

import com.jcraft.jsch.JSchAlgoNegoFailException;
import com.jcraft.jsch.JSchException;
import io.metalboot.router.RouterAgentException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Arrays;

/** Turns a failed JSch connect into the exception that tells the operator what to do. */
final class ConnectFailure {
    private ConnectFailure() {
    }

    static RouterAgentException translate(JSchException e, RouterTarget target, HostKeyGate gate, Login login) {
        if (gate.refusal().isPresent()) {
            return gate.refusal().get();
        }
        String address = target.address();
        if (e instanceof JSchAlgoNegoFailException nego) {
            return negotiation(nego, target);
        }
        String message = String.valueOf(e.getMessage());
        if (message.startsWith("Auth fail") || message.startsWith("Auth cancel")) {
            return new AuthenticationFailedException("router " + address + " refused login as " + target.user()
                    + " (tried: " + login.tried() + "). Check that the public key is in the router's authorized_keys"
                    + " for " + target.user() + ", or that the password is right.", e);
        }
        String timeout = CommandTimeoutException.seconds(target.connectTimeout());
        for (Throwable t = e; t != null; t = t.getCause()) {
            switch (t) {
                case UnknownHostException u -> {
                    return new RouterUnreachableException(address, "unknown host name " + target.host(), e);
                }
                case ConnectException c -> {
                    return new RouterUnreachableException(address, "connection refused", e);
                }
                case NoRouteToHostException n -> {
                    return new RouterUnreachableException(address, "no route to host", e);
                }
                case SocketTimeoutException s -> {
                    return new RouterUnreachableException(address, "no answer within " + timeout, e);
                }
                default -> {
                }
            }
        }
        if (message.startsWith("timeout")) {
            return new RouterUnreachableException(address, "the SSH handshake did not finish within " + timeout, e);
        }
        if (message.contains("End of IO Stream") || message.contains("Connection reset")) {
            return new RouterUnreachableException(address, "the router closed the connection during the SSH handshake", e);
        }
        return new RouterUnreachableException(address, "the SSH connection failed (" + message + ")", e);
    }

    private static RouterAgentException negotiation(JSchAlgoNegoFailException e, RouterTarget target) {
        String server = e.getServerProposal();
        boolean offersSshRsa = Arrays.asList(server.split(",")).contains("ssh-rsa");
        if (e.getAlgorithmName().equals("server_host_key") && offersSshRsa && !target.legacySshRsa()) {
            return new SshNegotiationException("router " + target.address() + " signs its host key only with legacy"
                    + " algorithms (" + server + "); metalboot refuses ssh-rsa (SHA-1) unless told otherwise. If this"
                    + " router's firmware cannot be upgraded, set legacySshRsa: true under router: in the inventory to"
                    + " allow ssh-rsa for this router only.", e);
        }
        return new SshNegotiationException("router " + target.address() + " and metalboot share no "
                + e.getAlgorithmName() + " algorithm (router offers " + server + "; metalboot offers "
                + e.getJSchProposal() + "). Upgrade the router's SSH server, or report both lists to metalboot.", e);
    }
}
