package org.runbench.views.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.runbench.views.diff.LinePair.Change;

class SideBySideTextTest {

    @Test
    void equalTextsPairEveryLine() {
        List<LinePair> pairs = SideBySideText.compare("a\nb", "a\nb");

        assertThat(pairs).containsExactly(
                new LinePair(1, "a", 1, "a", Change.EQUAL),
                new LinePair(2, "b", 2, "b", Change.EQUAL));
    }

    @Test
    void replacedLineIsChanged() {
        List<LinePair> pairs = SideBySideText.compare("a\nb\nc", "a\nB\nc");

        assertThat(pairs).containsExactly(
                new LinePair(1, "a", 1, "a", Change.EQUAL),
                new LinePair(2, "b", 2, "B", Change.CHANGED),
                new LinePair(3, "c", 3, "c", Change.EQUAL));
    }

    @Test
    void insertedLineHasNoLeftSide() {
        List<LinePair> pairs = SideBySideText.compare("a\nc", "a\nb\nc");

        assertThat(pairs).containsExactly(
                new LinePair(1, "a", 1, "a", Change.EQUAL),
                new LinePair(0, null, 2, "b", Change.INSERTED),
                new LinePair(2, "c", 3, "c", Change.EQUAL));
    }

    @Test
    void deletedLineHasNoRightSide() {
        List<LinePair> pairs = SideBySideText.compare("a\nb\nc", "a\nc");

        assertThat(pairs).containsExactly(
                new LinePair(1, "a", 1, "a", Change.EQUAL),
                new LinePair(2, "b", 0, null, Change.DELETED),
                new LinePair(3, "c", 2, "c", Change.EQUAL));
    }

    @Test
    void unevenReplacementPairsInOrder() {
        List<LinePair> pairs = SideBySideText.compare("x\nold 1\nold 2\nold 3\ny", "x\nnew 1\ny");

        assertThat(pairs).containsExactly(
                new LinePair(1, "x", 1, "x", Change.EQUAL),
                new LinePair(2, "old 1", 2, "new 1", Change.CHANGED),
                new LinePair(3, "old 2", 0, null, Change.DELETED),
                new LinePair(4, "old 3", 0, null, Change.DELETED),
                new LinePair(5, "y", 3, "y", Change.EQUAL));
    }

    @Test
    void emptyLeftTextInsertsEveryLine() {
        List<LinePair> pairs = SideBySideText.compare("", "a\nb");

        assertThat(pairs).containsExactly(
                new LinePair(0, null, 1, "a", Change.INSERTED),
                new LinePair(0, null, 2, "b", Change.INSERTED));
    }

    @Test
    void markupAndTabsStayAsWritten() {
        List<LinePair> pairs = SideBySideText.compare("<a>\t&amp;", "<b>\t&amp;");

        assertThat(pairs).containsExactly(new LinePair(1, "<a>\t&amp;", 1, "<b>\t&amp;", Change.CHANGED));
    }

    @Test
    void windowsLineEndsSplitLikeUnix() {
        List<LinePair> pairs = SideBySideText.compare("a\r\nb\r\n", "a\nb\n");

        assertThat(pairs).extracting(LinePair::change).containsOnly(Change.EQUAL);
        assertThat(pairs).hasSize(2);
    }
}
