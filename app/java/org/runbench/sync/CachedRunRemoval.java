package org.runbench.sync;

import java.util.List;
import org.runbench.cache.CacheTransaction;
import org.runbench.cache.RunCache;
import org.runbench.model.RunId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link RunRemoval} on the run cache. */
public final class CachedRunRemoval implements RunRemoval {

    private static final Logger LOG = LoggerFactory.getLogger(CachedRunRemoval.class);

    private final RunCache cache;

    public CachedRunRemoval(RunCache cache) {
        this.cache = cache;
    }

    @Override
    public void remove(List<RunId> ids) {
        try (CacheTransaction transaction = cache.begin()) {
            for (RunId id : ids) {
                transaction.deleteRun(id);
            }
            transaction.commit();
        }
        LOG.info("Removed {} runs from the cache {}", ids.size(), cache.directory());
    }
}
