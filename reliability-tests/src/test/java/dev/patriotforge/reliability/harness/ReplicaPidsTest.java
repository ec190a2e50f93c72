package dev.patriotforge.reliability.harness;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/**
 * A {@link ClusterTest} that records every replica's pid once the cluster is restored, so that a
 * test can show afterwards that its fault restarted none of them.
 */
public abstract class ReplicaPidsTest extends ClusterTest {
    /** The pid of every replica when the test began. */
    protected Map<String, Long> pids;

    @BeforeEach
    protected void recordPids() {
        pids = new HashMap<>();
        for (String name : Cluster.REPLICAS) {
            pids.put(name, cluster.pid(name));
        }
    }
}
