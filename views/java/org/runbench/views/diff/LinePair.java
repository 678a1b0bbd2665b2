package org.runbench.views.diff;

/**
 * One line of a side-by-side text diff: a line of the left text, of the right text, or of both.
 *
 * @param leftNumber  1-based line number in the left text, or 0 when the left side has no line here
 * @param left        the left line, or null when the left side has no line here
 * @param rightNumber 1-based line number in the right text, or 0 when the right side has no line here
 * @param right       the right line, or null when the right side has no line here
 * @param change      how the two sides relate
 */
public record LinePair(int leftNumber, String left, int rightNumber, String right, Change change) {

    /** Relation of the two sides of a line pair. */
    public enum Change {
        /** Both sides have the same line. */
        EQUAL,
        /** Only the right text has the line. */
        INSERTED,
        /** Only the left text has the line. */
        DELETED,
        /** The line was replaced: both sides have a line, and they differ. */
        CHANGED
    }
}
