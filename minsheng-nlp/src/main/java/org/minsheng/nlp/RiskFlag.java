package org.minsheng.nlp;

/**
 * A risk found in a text.
 *
 * @param policy   the rule that found it
 * @param evidence the words that matched
 * @param at       where they start in the text
 */
public record RiskFlag(RiskKind kind, String policy, String evidence, int at) {
}
