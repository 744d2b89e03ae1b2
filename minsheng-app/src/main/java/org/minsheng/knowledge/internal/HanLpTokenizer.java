package org.minsheng.knowledge.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

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

	private final org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute increment = addAttribute(
			org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute.class);

	/** Where the current word ends: a shorter word found inside it stands at the same position. */
	private int wordEnd;

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
		wordEnd = -1;
		if (length == 0) {
			terms = Collections.emptyIterator();
		}
		else {
			var list = new ArrayList<>(joinLatin(segment.seg(text.toString())));
			// in index mode the words inside a longer word follow it; offsets must not go backwards
			list.sort(Comparator.<Term>comparingInt(t -> t.offset).thenComparing(t -> -t.word.length()));
			terms = list.iterator();
		}
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
			int end = t.offset + t.word.length();
			if (t.offset < wordEnd) {
				increment.setPositionIncrement(0);
			}
			else {
				wordEnd = end;
			}
			return true;
		}
		return false;
	}

	/**
	 * The dictionary segmenter cuts runs of Latin letters and digits into single characters (E T C,
	 * 1 2 3 4 5); they are joined again into one word (ETC, 12345).
	 */
	static List<Term> joinLatin(List<Term> terms) {
		var out = new ArrayList<Term>(terms.size());
		Term run = null;
		var word = new StringBuilder();
		for (var t : terms) {
			if (latin(t.word) && run != null && run.offset + word.length() == t.offset) {
				word.append(t.word);
				continue;
			}
			if (run != null) {
				out.add(joined(run, word));
				run = null;
			}
			if (latin(t.word)) {
				run = t;
				word.setLength(0);
				word.append(t.word);
			}
			else {
				out.add(t);
			}
		}
		if (run != null) {
			out.add(joined(run, word));
		}
		return out;
	}

	private static Term joined(Term first, StringBuilder word) {
		var t = new Term(word.toString(), first.nature);
		t.offset = first.offset;
		return t;
	}

	private static boolean latin(String word) {
		if (word.isEmpty()) {
			return false;
		}
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			if (c >= 0x2E80 || !Character.isLetterOrDigit(c)) {
				return false;
			}
		}
		return true;
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
