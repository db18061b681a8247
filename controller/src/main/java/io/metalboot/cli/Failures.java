package io.metalboot.cli;

import io.metalboot.assets.AssetsException;
import io.metalboot.inventory.InventoryException;
import io.metalboot.pki.PkiException;
import io.metalboot.router.RouterAgentException;
import io.metalboot.template.TemplateException;
import io.metalboot.tftp.TftpException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Maps failures to exit codes in one place: 2 for bad input, 1 for everything else; messages printed with {@link Style#safe}. */
final class Failures implements IExecutionExceptionHandler {
    static final int BAD_INPUT = 2;
    static final int FAILURE = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        var err = cmd.getErr();
        if (e instanceof InventoryException ie) {
            ie.problems().forEach(p -> err.println(Style.safe(String.valueOf(p))));
            if (ie.problems().size() > 1) {
                err.println(ie.problems().size() + " problems; nothing was written or sent.");
            }
            err.flush();
            return BAD_INPUT;
        }
        if (e instanceof TemplateException || e instanceof BadInputException || e instanceof PkiException pe && pe.badInput()
                || e instanceof AssetsException ae && ae.badInput()) {
            err.println("metalboot: " + Style.safe(String.valueOf(e.getMessage())));
            err.flush();
            return BAD_INPUT;
        }
        err.println("metalboot: " + (e instanceof RouterAgentException || e instanceof PkiException || e instanceof TftpException
                || e instanceof io.metalboot.boot.BootException || e instanceof AssetsException
                || e instanceof io.metalboot.proxydhcp.ProxyDhcpException ? "" : e.getClass().getSimpleName() + ": ")
                + Style.safe(String.valueOf(e.getMessage())));
        for (Throwable c = e instanceof AssetsException ? null : e.getCause(); c != null; c = c.getCause()) {
            err.println("  caused by: " + Style.safe(c.toString()));
        }
        err.flush();
        return FAILURE;
    }
}
