package io.metalboot.sim.openwrt;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** uci under the router's faults and with concurrent callers. */
class UciFaultsTest {
    @TempDir
    Path dir;

    private TestRouter router() {
        return new TestRouter(dir, (text, path) -> new DnsmasqCheck.Verdict(true, List.of()));
    }

    @Test
    void aFailedCommitKeepsTheStagedChanges() {
        TestRouter router = router();
        router.run("uci", "set", "dhcp.lan.limit=50");
        router.faults.failNextCommit("ignored: uci prints its own error");
        assertEquals(new TestRouter.Run(1, "", "uci: I/O error\n"), router.run("uci", "commit", "dhcp"));
        assertEquals("dhcp.lan.limit='50'\n", router.run("uci", "changes", "dhcp").stdout());
        assertEquals(0, router.run("uci", "commit", "dhcp").status());
        assertEquals("", router.run("uci", "changes", "dhcp").stdout());
        assertTrue(router.read("/etc/config/dhcp").contains("\toption limit '50'\n"));
    }

    /** file.c empties the delta file before it writes the package: a full /etc loses the staged changes. */
    @Test
    void aFullConfigDiskFailsTheCommitAfterTheDeltasAreGone() {
        TestRouter router = router();
        router.run("uci", "set", "dhcp.lan.limit=50");
        String before = router.read("/etc/config/dhcp");
        router.fs.diskFull(Optional.of("/etc"));
        assertEquals(new TestRouter.Run(1, "", "uci: I/O error\n"), router.run("uci", "commit", "dhcp"));
        assertEquals(before, router.read("/etc/config/dhcp"));
        assertEquals("", router.read("/tmp/.uci/dhcp"));
    }

    @Test
    void aFullTmpFailsStaging() {
        TestRouter router = router();
        router.fs.diskFull(Optional.of("/tmp"));
        assertEquals(new TestRouter.Run(1, "", "uci: I/O error\n"), router.run("uci", "set", "dhcp.lan.limit=50"));
        assertEquals(new TestRouter.Run(4, "", "uci: I/O error\n"), router.run("uci", "add", "dhcp", "host"));
    }

    /** uci commit takes an exclusive flock on the package file: while another holder has it, commit waits. */
    @Test
    void commitWaitsForTheConfigLock() throws InterruptedException, ExecutionException, TimeoutException {
        TestRouter router = router();
        router.run("uci", "set", "dhcp.lan.limit=50");
        router.faults.holdLock("luci apply");
        List<Thread> worker = new ArrayList<>();
        CompletableFuture<TestRouter.Run> commit = CompletableFuture.supplyAsync(() -> {
            synchronized (worker) {
                worker.add(Thread.currentThread());
            }
            return router.run("uci", "commit", "dhcp");
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            synchronized (worker) {
                return !worker.isEmpty() && worker.get(0).getState() == Thread.State.TIMED_WAITING;
            }
        });
        assertFalse(commit.isDone());
        assertTrue(router.read("/etc/config/dhcp").contains("\toption limit '100'\n"));
        router.faults.releaseLock();
        assertEquals(new TestRouter.Run(0, "", ""), commit.get(10, TimeUnit.SECONDS));
        assertTrue(router.read("/etc/config/dhcp").contains("\toption limit '50'\n"));
    }

    /** Staging has no lock of its own: every caller appends to the one shared delta file and none is lost. */
    @Test
    void concurrentCallersShareOneDeltaFile() throws InterruptedException, ExecutionException, TimeoutException {
        TestRouter router = router();
        List<CompletableFuture<Void>> callers = new ArrayList<>();
        for (int caller = 0; caller < 4; caller++) {
            int id = caller;
            callers.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 10; i++) {
                    assertEquals(0, router.run("uci", "add_list", "dhcp.lan.dhcp_option=" + id + "," + i).status());
                }
            }));
        }
        CompletableFuture.allOf(callers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        assertEquals(40, router.run("uci", "changes", "dhcp").stdout().lines().count());
        assertEquals(40, router.run("uci", "get", "dhcp.lan.dhcp_option").stdout().strip().split(" ").length);
    }

    @Test
    void theDeltaFileIsPlainTextOthersCanWrite() throws IOException {
        TestRouter router = router();
        router.write("/tmp/.uci/dhcp", "dhcp.lan.limit='20'\nnot a delta line\n-dhcp.@host[0]\ndhcp.lan.leasetime\n");
        assertEquals("dhcp.lan.limit='20'\n", router.run("uci", "changes", "dhcp").stdout());
        assertEquals("20\n", router.run("uci", "get", "dhcp.lan.limit").stdout());
        assertEquals(0, router.run("uci", "revert", "dhcp.lan").status());
        assertEquals("dhcp.lan.limit='20'\nnot a delta line\n-dhcp.@host[0]\ndhcp.lan.leasetime\n",
                router.read("/tmp/.uci/dhcp"), "uci_filter_delta gives up on a line it cannot parse");
    }
}
