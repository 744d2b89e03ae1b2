package org.minsheng.nlp;

import java.util.List;
import java.util.Locale;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;

/**
 * A text read once: made Simplified (traditional input reads the same) and lower-case, and cut
 * into words by HanLP's shortest-path segmenter. The classifiers' features and the keywords both
 * start from it, so an analysis segments its text once, not once per model.
 */
public record TextReading(String simple, List<Term> terms) {

	private static final Segment SEGMENT = HanLP.newSegment("viterbi");

	public TextReading {
		terms = List.copyOf(terms);
	}

	public static TextReading of(String text) {
		var simple = HanLP.convertToSimplifiedChinese(text == null ? "" : text).toLowerCase(Locale.ROOT);
		return new TextReading(simple, SEGMENT.seg(simple));
	}
}
