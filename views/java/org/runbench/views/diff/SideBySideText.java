package org.runbench.views.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Chunk;
import java.util.ArrayList;
import java.util.List;

/** Aligns the lines of two texts for a side-by-side view, with java-diff-utils' Myers diff. */
final class SideBySideText {

    private SideBySideText() {
    }

    /**
     * Returns the aligned lines of {@code left} and {@code right}. Lines end at {@code \n}, {@code \r\n}
     * or {@code \r}. In a replaced block, lines are paired in order and the longer side's extra lines
     * become {@link LinePair.Change#DELETED} or {@link LinePair.Change#INSERTED}. Runs in time about
     * proportional to the lines times the differences, so call it off the JavaFX thread for large texts.
     */
    static List<LinePair> compare(String left, String right) {
        List<String> leftLines = left.lines().toList();
        List<String> rightLines = right.lines().toList();
        List<LinePair> pairs = new ArrayList<>();
        int leftIndex = 0;
        int rightIndex = 0;

        for (AbstractDelta<String> delta : DiffUtils.diff(leftLines, rightLines).getDeltas()) {
            Chunk<String> source = delta.getSource();
            Chunk<String> target = delta.getTarget();
            while (leftIndex < source.getPosition()) {
                pairs.add(equal(leftLines, leftIndex++, rightIndex++));
            }

            int blockLength = Math.max(source.size(), target.size());
            for (int i = 0; i < blockLength; i++) {
                boolean hasLeft = i < source.size();
                boolean hasRight = i < target.size();
                LinePair.Change change = hasLeft && hasRight ? LinePair.Change.CHANGED
                        : hasLeft ? LinePair.Change.DELETED : LinePair.Change.INSERTED;
                pairs.add(new LinePair(
                        hasLeft ? leftIndex + i + 1 : 0, hasLeft ? leftLines.get(leftIndex + i) : null,
                        hasRight ? rightIndex + i + 1 : 0, hasRight ? rightLines.get(rightIndex + i) : null,
                        change));
            }
            leftIndex += source.size();
            rightIndex += target.size();
        }

        while (leftIndex < leftLines.size()) {
            pairs.add(equal(leftLines, leftIndex++, rightIndex++));
        }
        return pairs;
    }

    private static LinePair equal(List<String> leftLines, int leftIndex, int rightIndex) {
        String line = leftLines.get(leftIndex);
        return new LinePair(leftIndex + 1, line, rightIndex + 1, line, LinePair.Change.EQUAL);
    }
}
