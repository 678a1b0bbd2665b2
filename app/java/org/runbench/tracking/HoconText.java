package org.runbench.tracking;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites pyhocon-style text so that Lightbend Config parses it the same way.
 *
 * <p>{@code clearml-init} writes URLs unquoted ({@code api_server: http://localhost:8008}). pyhocon
 * accepts that, but in Lightbend Config {@code //} starts a comment, so the value would end at
 * {@code http:} and parsing fails. Every unquoted value that starts with {@code scheme://} is wrapped in
 * double quotes. Line breaks are kept, so line numbers in parse errors still match the user's file.
 */
final class HoconText {

    /** A key, a separator and an unquoted {@code scheme://…} value at the start of a line or after {@code {} or {@code ,}. */
    private static final Pattern UNQUOTED_URL = Pattern.compile(
            "((?:^|[{,])[ \\t]*\"?[A-Za-z0-9_.\\-]+\"?[ \\t]*[:=][ \\t]*)([A-Za-z][A-Za-z0-9+.\\-]*://[^\\s,}\\]\"]*)",
            Pattern.MULTILINE);

    private static final Pattern API_BLOCK_START = Pattern.compile("(?m)^[ \\t]*api[ \\t]*[:=]?[ \\t]*\\{");

    private HoconText() {
    }

    static String quoteUnquotedUrls(String text) {
        Matcher matcher = UNQUOTED_URL.matcher(text);
        StringBuilder result = new StringBuilder(text.length() + 32);
        while (matcher.find()) {
            String url = matcher.group(2).replace("\\", "\\\\");
            matcher.appendReplacement(result, Matcher.quoteReplacement(matcher.group(1) + "\"" + url + "\""));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /**
     * Returns the text with everything blanked out except the top-level {@code api { … }} block, or null
     * when there is no such block. Other characters become spaces and line breaks are kept, so line
     * numbers stay the same.
     */
    static String keepOnlyApiBlock(String text) {
        Matcher matcher = API_BLOCK_START.matcher(text);
        if (!matcher.find()) {
            return null;
        }
        int open = matcher.end() - 1;
        int close = matchingBrace(text, open);
        if (close < 0) {
            return null;
        }
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean inside = i >= matcher.start() && i <= close;
            kept.append(inside || c == '\n' ? c : ' ');
        }
        return kept.toString();
    }

    /** Finds the brace closing the one at {@code open}, skipping quoted strings; -1 if there is none. */
    private static int matchingBrace(String text, int open) {
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }
}
