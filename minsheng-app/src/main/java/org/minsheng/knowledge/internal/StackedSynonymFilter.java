package org.minsheng.knowledge.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * Puts a word's synonyms at its own position, for every word of the stream, including the words
 * the segmenter found inside longer ones (社保卡 → 社保 → 社会保险). Lucene's synonym graph filter
 * reads only one path through a stream, so it misses those inner words.
 */
final class StackedSynonymFilter extends TokenFilter {

	private final Map<String, List<String>> synonyms;

	private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

	private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);

	private final Deque<String> pending = new ArrayDeque<>();

	private AttributeSource.State state;

	StackedSynonymFilter(TokenStream input, Map<String, List<String>> synonyms) {
		super(input);
		this.synonyms = synonyms;
	}

	@Override
	public boolean incrementToken() throws IOException {
		if (!pending.isEmpty()) {
			restoreState(state);
			term.setEmpty().append(pending.poll());
			increment.setPositionIncrement(0);
			return true;
		}
		if (!input.incrementToken()) {
			return false;
		}
		var others = synonyms.get(term.toString());
		if (others != null) {
			pending.addAll(others);
			state = captureState();
		}
		return true;
	}

	@Override
	public void reset() throws IOException {
		super.reset();
		pending.clear();
		state = null;
	}
}
