package dev.patriotforge.reliability.harness;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test that breaks the running cluster: every fault is undone ({@link Cluster#restoreAll()})
 * before and after each test. A subclass's own {@code @BeforeEach} runs after this one's, its own
 * {@code @AfterEach} before this one's.
 */
public abstract class ClusterTest {
    protected Cluster cluster;

    @BeforeEach
    protected void setUpCluster() {
        cluster = Cluster.get();
        cluster.restoreAll();
    }

    @AfterEach
    protected void restoreCluster() {
        cluster.restoreAll();
    }
}
