package org.harl.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicInteger;
import org.harl.spi.mask.MaskProposer;
import org.junit.jupiter.api.Test;

class ExecutorProposersTest {

    private final AtomicInteger opened = new AtomicInteger();

    private MaskProposer open() {
        int n = opened.incrementAndGet(); // captured, so that each call makes a new instance
        return sample -> {
            throw new AssertionError("proposer " + n + " is not called here");
        };
    }

    @Test
    void oneProposerPerThreadAndKeyAcrossTasks() throws Exception {
        MaskProposer first = ExecutorProposers.get("drfi\u0000a", this::open);
        MaskProposer again = ExecutorProposers.get("drfi\u0000a", this::open); // the thread's next task
        MaskProposer other = ExecutorProposers.get("drfi\u0000b", this::open);
        MaskProposer[] elsewhere = new MaskProposer[1];
        Thread t = new Thread(() -> elsewhere[0] = ExecutorProposers.get("drfi\u0000a", this::open));
        t.start();
        t.join();
        assertSame(first, again);
        assertNotSame(first, other);
        assertNotSame(first, elsewhere[0]);
        assertEquals(3, opened.get());
    }
}
