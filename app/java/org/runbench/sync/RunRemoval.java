package org.runbench.sync;

import java.util.List;
import org.runbench.model.RunId;

/** Removes runs and everything cached about them; blocks on the disk, so call it off the JavaFX thread. */
public interface RunRemoval {

    /** Removes every run in {@code ids} in one transaction; ids that are not cached are ignored. */
    void remove(List<RunId> ids);
}
