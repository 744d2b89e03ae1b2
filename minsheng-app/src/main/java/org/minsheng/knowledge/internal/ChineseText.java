package org.minsheng.knowledge.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.minsheng.knowledge.ChineseScript;

/**
 * How Chinese text is read for search. Before anything else, full-width forms are folded
 * (１２３４５ → 12345) and Traditional characters and phrases become Simplified (臺北 → 台北,
 * 資訊 → 资讯) through a character filter, so offsets still point into the original text for
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

	/** Words with synonyms expanded (for queries): each word's synonyms stacked at its position. */
	static Analyzer words(Map<String, List<String>> synonyms) {
		return words(synonyms, false);
	}

	/**
	 * Words of long bodies: HanLP's dictionary segmenter (longest match on a double-array trie,
	 * 30 M characters/s against 1.7 M for the shortest-path one), so that 100,000 articles index in
	 * well under a minute on two cores. Titles and question phrasings, where a wrong cut costs most,
	 * keep {@link #SEGMENTER}.
	 */
	static Analyzer bodyWords(Map<String, List<String>> synonyms) {
		return words(synonyms, true);
	}

	/** An analyzer that reads folded text (see {@link ChineseScript#fold}). */
	private abstract static class Folding extends Analyzer {

		@Override
		protected Reader initReader(String fieldName, Reader reader) {
			return fold(reader);
		}

		@Override
		protected Reader initReaderForNormalization(String fieldName, Reader reader) {
			return fold(reader);
		}
	}

	private static Analyzer words(Map<String, List<String>> synonyms, boolean fast) {
		return new Folding() {

			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				Tokenizer tokenizer = fast ? new HanLpTokenizer(FAST) : tokenizer();
				TokenStream stream = new LowerCaseFilter(tokenizer);
				stream = new StopFilter(stream, STOP);
				if (synonyms != null && !synonyms.isEmpty()) {
					stream = new StackedSynonymFilter(stream, synonyms);
				}
				return new TokenStreamComponents(tokenizer, stream);
			}
		};
	}

	/** The distinct words an analyzer reads in a text. */
	static Set<String> distinctWords(Analyzer analyzer, String text) {
		var out = new HashSet<String>();
		try (var stream = analyzer.tokenStream("q", text)) {
			var term = stream.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				out.add(term.toString());
			}
			stream.end();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out;
	}

	/**
	 * The word segmenter: {@code viterbi} (HanLP's shortest path over its core dictionary, the
	 * default: 1.7 M characters/s), {@code dat} (HanLP's longest dictionary match, 30 M/s, but it
	 * reads 怎么办理 as 怎么办 + 理) or {@code smartcn} (Lucene's HMM, 0.8 M/s). All three score alike
	 * on the FAQ retrieval benchmark (docs/benchmarks.md). A JVM system property, because the index
	 * must be read the way it was written: changing it rebuilds the index at the next start.
	 */
	static final String SEGMENTER = System.getProperty("minsheng.knowledge.segmenter", "viterbi");

	/**
	 * In index mode: a word also yields the dictionary words inside it at the same position (社保卡 →
	 * 社保卡, 社保, 卡), so a query for a part finds the whole and synonyms of a part apply.
	 */
	private static final com.hankcs.hanlp.seg.Segment SEGMENT = SEGMENTER.equals("smartcn") ? null
			: com.hankcs.hanlp.HanLP.newSegment(SEGMENTER).enableOffset(true).enableIndexMode(true);

	private static final com.hankcs.hanlp.seg.Segment FAST = com.hankcs.hanlp.HanLP.newSegment("dat")
		.enableOffset(true)
		.enableIndexMode(true);

	private static Tokenizer tokenizer() {
		return SEGMENT == null ? new HMMChineseTokenizer() : new HanLpTokenizer(SEGMENT);
	}

	/** Overlapping pairs of Han characters (and whole Latin words and numbers). */
	static Analyzer bigrams() {
		return new Folding() {

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
	 * Each term of a group maps to the others. A term is read as the segmenter reads it and stands
	 * for its main words (社会保险 → 社会保险; 住房公积金 → 住房公积金 or 住房 + 公积金, both stacked).
	 */
	static Map<String, List<String>> synonyms(List<List<String>> groups) {
		var analyzer = words();
		var out = new HashMap<String, LinkedHashSet<String>>();
		for (var group : groups) {
			var read = group.stream().map(t -> mainWords(analyzer, t)).filter(w -> !w.isEmpty()).toList();
			for (var from : read) {
				for (var to : read) {
					if (from != to) {
						for (var f : from) {
							var targets = out.computeIfAbsent(f, k -> new LinkedHashSet<>());
							to.stream().filter(t -> !from.contains(t)).forEach(targets::add);
						}
					}
				}
			}
		}
		var result = new HashMap<String, List<String>>();
		out.forEach((k, v) -> {
			if (!v.isEmpty()) {
				result.put(k, List.copyOf(v));
			}
		});
		return Map.copyOf(result);
	}

	/** The words of a term that advance the position (not the words found inside them). */
	private static List<String> mainWords(Analyzer analyzer, String text) {
		var out = new ArrayList<String>();
		try (var stream = analyzer.tokenStream("q", text)) {
			var term = stream.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
			var increment = stream.addAttribute(org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				if (increment.getPositionIncrement() > 0) {
					out.add(term.toString());
				}
			}
			stream.end();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out;
	}

	private static CharArraySet stopWords() {
		var set = new CharArraySet(SmartChineseAnalyzer.getDefaultStopSet(), true);
		for (var word : List.of("怎么办", "的", "了", "吗", "呢", "吧", "啊", "么", "是", "在", "和", "与", "及", "或", "请问", "请",
				"我", "我们", "您", "你", "有", "要", "该", "可以", "可否", "能否", "是否", "如何", "怎么", "怎样", "什么",
				"哪些", "哪里", "为什么", "多少", "之", "其", "与否")) {
			set.add(word);
		}
		return CharArraySet.unmodifiableSet(set);
	}
}
