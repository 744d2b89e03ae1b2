package org.minsheng.knowledge.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;
import org.minsheng.knowledge.ChineseScript;

/**
 * How Chinese text is read for search. Before anything else, full-width forms are folded
 * (１２３４５ → 12345) and Traditional characters and phrases become Simplified (臺北 → 台北,
 * 計程車 → 出租车) through a character filter, so offsets still point into the original text for
 * highlighting. Then two readings: words from a segmenter ({@link #SEGMENTER}; the precise signal) and
 * overlapping character pairs (robust when the segmenter splits a query and an article differently).
 * Synonyms apply to queries only, so editing them needs no re-indexing.
 * The folding is {@link ChineseScript}'s.
 */
final class ChineseText {

	/** smartcn's stop set (punctuation) plus function words that carry nothing in a question. */
	private static final CharArraySet STOP = stopWords();

	private ChineseText() {
	}

	private static Reader fold(Reader reader) {
		return ChineseScript.fold(reader);
	}

	/** Words: segmented, lower case, without stop words. */
	static Analyzer words() {
		return words(null);
	}

	/** Words with synonyms expanded (for queries). */
	static Analyzer words(SynonymMap synonyms) {
		return new Analyzer() {

			@Override
			protected Reader initReader(String fieldName, Reader reader) {
				return fold(reader);
			}

			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				Tokenizer tokenizer = tokenizer();
				TokenStream stream = new LowerCaseFilter(tokenizer);
				stream = new StopFilter(stream, STOP);
				if (synonyms != null && synonyms.fst != null) {
					stream = new SynonymGraphFilter(stream, synonyms, true);
				}
				return new TokenStreamComponents(tokenizer, stream);
			}

			@Override
			protected Reader initReaderForNormalization(String fieldName, Reader reader) {
				return fold(reader);
			}
		};
	}

	/**
	 * The word segmenter: {@code dat} (HanLP's dictionary segmenter on a double-array trie, the
	 * default: about 30 M characters/s), {@code viterbi} (HanLP's shortest path, 1.7 M/s) or
	 * {@code smartcn} (Lucene's HMM, 0.8 M/s). All three score alike on the FAQ retrieval benchmark
	 * (docs/benchmarks.md); the speed decides. A JVM system property, because the index must be read
	 * the way it was written: changing it rebuilds the index at the next start.
	 */
	static final String SEGMENTER = System.getProperty("minsheng.knowledge.segmenter", "dat");

	private static final com.hankcs.hanlp.seg.Segment SEGMENT = SEGMENTER.equals("smartcn") ? null
			: com.hankcs.hanlp.HanLP.newSegment(SEGMENTER).enableOffset(true);

	private static Tokenizer tokenizer() {
		return SEGMENT == null ? new HMMChineseTokenizer() : new HanLpTokenizer(SEGMENT);
	}

	/** Overlapping pairs of Han characters (and whole Latin words and numbers). */
	static Analyzer bigrams() {
		return new Analyzer() {

			@Override
			protected Reader initReader(String fieldName, Reader reader) {
				return fold(reader);
			}

			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				Tokenizer tokenizer = new StandardTokenizer();
				TokenStream stream = new LowerCaseFilter(tokenizer);
				// pairs only (a lone character stays a unigram): pairs and unigrams together would make a
				// token graph whose paths a query builder multiplies out
				stream = new CJKBigramFilter(stream, CJKBigramFilter.HAN, false);
				return new TokenStreamComponents(tokenizer, stream);
			}
		};
	}

	/**
	 * A synonym map from groups of equivalent terms; each term is read with the word analyzer, so
	 * a term the segmenter splits (社会保险 → 社会 保险) still matches as a phrase.
	 */
	static SynonymMap synonyms(List<List<String>> groups) {
		try {
			var parser = new SynonymMap.Parser(true, words()) {

				@Override
				public void parse(Reader in) {
					throw new UnsupportedOperationException("groups are added one by one");
				}

				CharsRef read(String term) {
					try {
						return analyze(term, new CharsRefBuilder());
					}
					catch (IllegalArgumentException | IOException e) {
						// a term made only of stop words: nothing to match
						return new CharsRef();
					}
				}
			};
			for (var group : groups) {
				var analyzed = group.stream().map(parser::read).filter(t -> t.length > 0).toList();
				for (var from : analyzed) {
					for (var to : analyzed) {
						if (from != to && !from.equals(to)) {
							parser.add(from, to, true);
						}
					}
				}
			}
			return parser.build();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static CharArraySet stopWords() {
		var set = new CharArraySet(SmartChineseAnalyzer.getDefaultStopSet(), true);
		for (var word : List.of("的", "了", "吗", "呢", "吧", "啊", "么", "是", "在", "和", "与", "及", "或", "请问", "请",
				"我", "我们", "您", "你", "有", "要", "该", "可以", "可否", "能否", "是否", "如何", "怎么", "怎样", "什么",
				"哪些", "哪里", "为什么", "多少", "之", "其", "与否")) {
			set.add(word);
		}
		return CharArraySet.unmodifiableSet(set);
	}
}
