package org.minsheng.knowledge.internal;

import java.io.IOException;
import java.util.Iterator;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;

/**
 * Words from a HanLP segmenter, with offsets into the text as read (before any character filter:
 * {@link #correctOffset}), so highlights land on the original characters. Tokens without a letter
 * or digit (punctuation, spaces) are dropped. A field's text is segmented whole.
 */
final class HanLpTokenizer extends Tokenizer {

	private final Segment segment;

	private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

	private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);

	private final StringBuilder text = new StringBuilder();

	private final char[] buffer = new char[4096];

	private Iterator<Term> terms;

	private int length;

	HanLpTokenizer(Segment segment) {
		this.segment = segment;
	}

	@Override
	public void reset() throws IOException {
		super.reset();
		text.setLength(0);
		int n;
		while ((n = input.read(buffer)) > 0) {
			text.append(buffer, 0, n);
		}
		length = text.length();
		terms = length == 0 ? java.util.Collections.emptyIterator() : segment.seg(text.toString()).iterator();
	}

	@Override
	public boolean incrementToken() {
		clearAttributes();
		while (terms.hasNext()) {
			var t = terms.next();
			if (!meaningful(t.word)) {
				continue;
			}
			term.setEmpty().append(t.word);
			offset.setOffset(correctOffset(t.offset), correctOffset(t.offset + t.word.length()));
			return true;
		}
		return false;
	}

	private static boolean meaningful(String word) {
		for (int i = 0; i < word.length(); i++) {
			if (Character.isLetterOrDigit(word.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void end() throws IOException {
		super.end();
		int last = correctOffset(length);
		offset.setOffset(last, last);
	}

	@Override
	public void close() throws IOException {
		super.close();
		terms = null;
		text.setLength(0);
	}
}
