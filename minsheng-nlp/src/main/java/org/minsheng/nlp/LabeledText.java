package org.minsheng.nlp;

/** A text with its label (a category, a department) for training and evaluation. */
public record LabeledText(String text, String label) {
}
