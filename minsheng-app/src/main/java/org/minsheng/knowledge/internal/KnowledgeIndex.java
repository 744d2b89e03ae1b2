package org.minsheng.knowledge.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.minsheng.knowledge.ArticleType;
import org.springframework.web.util.HtmlUtils;

/**
 * The Lucene index of published articles. One document per article (its published version), with
 * words and character pairs of the title, the question phrasings and the body, and filter fields
 * for type, owning department, regions and the validity dates. Changes are visible to searches at
 * once (near-real-time reader); commits are batched, and the commit records how far the database's
 * change log has been followed, so a restart picks up where it stopped.
 *
 * <p>It is long because the index, its analysis of Chinese text, the filters and the catch-up after
 * a restart belong together: each relies on how the others store a field.
 */
final class KnowledgeIndex implements AutoCloseable {

	static final String ID = "id";

	static final String EVERYWHERE = "*";

	/** Raised when the fields or the analysis change, so that an old index is rebuilt on start. */
	static final String FORMAT = "6-" + ChineseText.SEGMENTER;

	private static final FieldType TEXT_WITH_OFFSETS = textWithOffsets();

	/** The weights of the fields in a query; tuned on the FAQ retrieval benchmark. */
	record Weights(float title, float questions, float body, float headPairs, float bodyPairs) {

		static final Weights DEFAULT = new Weights(2.0f, 2.0f, 1.0f, 1.0f, 1.0f);
	}

	/** What the index holds of one article. */
	record Entry(long id, String externalId, ArticleType type, long departmentId, List<String> regions,
			LocalDate effectiveFrom, LocalDate expiresAt, String title, List<String> questions, String bodyText,
			int version) {
	}

	/** A hit; {@code coverage} is the share of the query's words that the article contains (0 to 1). */
	record Hit(long id, String externalId, ArticleType type, String title, float score, String snippet,
			double coverage) {
	}

	record Filter(ArticleType type, Long departmentId, String region, LocalDate validOn) {
	}

	private final FSDirectory directory;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private final Analyzer indexAnalyzer;

	/** Reads the body as it was indexed, for the highlighter. */
	private final Analyzer highlightAnalyzer = ChineseText.bodyWords(null);

	/** Reads a question into the words whose presence makes its coverage. */
	private final Analyzer askedAnalyzer = ChineseText.words();

	private volatile Analyzer queryWords;

	private final Analyzer queryPairs = ChineseText.bigrams();

	private volatile Weights weights = Weights.DEFAULT;

	/** How many of the best BM25 candidates are ranked again by coverage. */
	static final int RERANK = 50;

	/** The share of the final score that depends on coverage (0: BM25 alone). */
	private volatile double coverageWeight = 0.5;

	void useCoverageWeight(double weight) {
		this.coverageWeight = weight;
	}

	private final boolean created;

	/** The sentence encoder of the dense vectors, or null: words alone. */
	private final DenseEncoder encoder;

	/** The format, with the encoder's name: another encoder's vectors do not mix with these. */
	private final String format;

	KnowledgeIndex(Path path) {
		this(path, null);
	}

	KnowledgeIndex(Path path, DenseEncoder encoder) {
		this.encoder = encoder != null && encoder.enabled() ? encoder : null;
		this.format = FORMAT + (this.encoder == null ? "" : "+dense:" + this.encoder.name());
		try {
			Files.createDirectories(path);
			directory = FSDirectory.open(path);
			boolean existing = DirectoryReader.indexExists(directory)
					&& format.equals(userData(directory).get("format"));
			var words = ChineseText.words();
			var pairs = ChineseText.bigrams();
			indexAnalyzer = new PerFieldAnalyzerWrapper(words,
					Map.of("body", ChineseText.bodyWords(null), "head_pairs", pairs, "body_pairs", pairs));
			var config = new IndexWriterConfig(indexAnalyzer).setSimilarity(new BM25Similarity())
				.setOpenMode(existing ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND : IndexWriterConfig.OpenMode.CREATE)
				.setRAMBufferSizeMB(64);
			writer = new IndexWriter(directory, config);
			created = !existing;
			searchers = new SearcherManager(writer, null);
			queryWords = queryWords(Map.of());
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot open the knowledge index at " + path, e);
		}
	}

	private static Map<String, String> userData(FSDirectory directory) throws IOException {
		try (var reader = DirectoryReader.open(directory)) {
			return reader.getIndexCommit().getUserData();
		}
	}

	/** True when the index was made empty on opening (none there, or an older format): rebuild it. */
	boolean needsRebuild() {
		return created;
	}

	/** How far the database's changes are in this index, as committed. */
	Optional<String> syncedTo() {
		var value = writer.getLiveCommitData();
		if (value == null) {
			return Optional.empty();
		}
		for (var e : value) {
			if (e.getKey().equals("synced")) {
				return Optional.of(e.getValue());
			}
		}
		return Optional.empty();
	}

	void useSynonyms(Map<String, List<String>> synonyms) {
		queryWords = queryWords(synonyms);
	}

	void useWeights(Weights weights) {
		this.weights = weights;
	}

	private static Analyzer queryWords(Map<String, List<String>> synonyms) {
		return new PerFieldAnalyzerWrapper(ChineseText.words(synonyms), Map.of("body", ChineseText.bodyWords(synonyms)));
	}

	void put(Entry entry) {
		try {
			writer.updateDocument(new Term(ID, Long.toString(entry.id())), document(entry));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	void remove(long id) {
		try {
			writer.deleteDocuments(new Term(ID, Long.toString(id)));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	void clear() {
		try {
			writer.deleteAll();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Makes the changes so far visible to searches. */
	void refresh() {
		try {
			searchers.maybeRefreshBlocking();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Makes the changes durable and records how far the database's changes are in. */
	void commit(String syncedTo) {
		try {
			writer.setLiveCommitData(Map.of("format", format, "synced", syncedTo).entrySet());
			writer.commit();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	int size() {
		try {
			var searcher = searchers.acquire();
			try {
				return searcher.getIndexReader().numDocs();
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	List<Hit> search(String q, int top, Filter filter) {
		var query = query(q, filter);
		var vector = encoder == null || q == null || q.isBlank() ? null : encoder.encodeQuery(q);
		if (query == null && vector == null) {
			return List.of();
		}
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				searcher.setSimilarity(new BM25Similarity());
				var asked = words(q);
				var reader = searcher.getIndexReader();
				var covered = new HashMap<Integer, Double>();
				var ranked = new ArrayList<org.apache.lucene.search.ScoreDoc>();
				if (query != null) {
					// BM25 sums what matches, so an article repeating two of the words can pass one holding
					// them all; the best candidates are ranked again with their coverage of the question
					for (var d : searcher.search(query, Math.max(top, RERANK)).scoreDocs) {
						double c = coverage(asked, reader, d.doc);
						covered.put(d.doc, c);
						ranked.add(new org.apache.lucene.search.ScoreDoc(d.doc,
								(float) (d.score * ((1 - coverageWeight) + coverageWeight * c))));
					}
					ranked.sort((x, y) -> Float.compare(y.score, x.score));
				}
				if (vector != null) {
					// the nearest articles by meaning (HNSW), under the same filters, fused with those found
					// by words, each list's scores scaled to its own range first
					var near = searcher.search(new org.apache.lucene.search.KnnFloatVectorQuery(VECTOR, vector,
							Math.max(top, RERANK), filter(filter)), Math.max(top, RERANK)).scoreDocs;
					ranked = fused(ranked, Arrays.asList(near), encoder.wordsWeight());
					for (var d : ranked) {
						if (!covered.containsKey(d.doc)) covered.put(d.doc, coverage(asked, reader, d.doc));
					}
				}
				if (ranked.isEmpty()) {
					return List.of();
				}
				var docs = new org.apache.lucene.search.TopDocs(
						new org.apache.lucene.search.TotalHits(ranked.size(), org.apache.lucene.search.TotalHits.Relation.EQUAL_TO),
						ranked.subList(0, Math.min(top, ranked.size())).toArray(org.apache.lucene.search.ScoreDoc[]::new));
				var highlighter = UnifiedHighlighter.builder(searcher, highlightAnalyzer)
					.withFormatter(new DefaultPassageFormatter("<em>", "</em>", "…", true))
					.withBreakIterator(() -> LengthGoalBreakIterator
						.createClosestToLength(BreakIterator.getSentenceInstance(Locale.CHINA), 80, 0.5f))
					.withMaxLength(20_000)
					.build();
				var snippets = query == null ? new String[docs.scoreDocs.length] : highlighter.highlight("body", query, docs, 1);
				var stored = searcher.storedFields();
				var hits = new ArrayList<Hit>(docs.scoreDocs.length);
				for (int i = 0; i < docs.scoreDocs.length; i++) {
					var doc = stored.document(docs.scoreDocs[i].doc);
					// words the segmenter split (居住 证) read as one highlight
					var snippet = snippets[i] != null ? snippets[i].replace("</em><em>", "") : lead(doc.get("body"));
					hits.add(new Hit(Long.parseLong(doc.get(ID)), doc.get("external_id"),
							ArticleType.valueOf(doc.get("type")), doc.get("title"), docs.scoreDocs[i].score, snippet,
							covered.get(docs.scoreDocs[i].doc)));
				}
				return hits;
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The field of the dense vectors. */
	static final String VECTOR = "vector";

	/**
	 * The two lists as one: each score scaled to its list's range (the best 1, the least 0, an article
	 * missing from a list 0 there), then weighed, words by {@code wordsWeight} and meaning by the rest.
	 * On the 937 Taipei questions this beat reciprocal rank fusion (Recall@5 0.827 against 0.815, MRR
	 * 0.697 against 0.681 with bge-small-zh-v1.5): a rank throws away how far ahead the first was.
	 */
	static ArrayList<org.apache.lucene.search.ScoreDoc> fused(List<org.apache.lucene.search.ScoreDoc> words,
			List<org.apache.lucene.search.ScoreDoc> meaning, double wordsWeight) {
		var score = new LinkedHashMap<Integer, Double>();
		addScaled(score, words, wordsWeight);
		addScaled(score, meaning, 1 - wordsWeight);
		var out = new ArrayList<org.apache.lucene.search.ScoreDoc>();
		score.forEach((doc, s) -> out.add(new org.apache.lucene.search.ScoreDoc(doc, s.floatValue())));
		out.sort((x, y) -> Float.compare(y.score, x.score));
		return out;
	}

	private static void addScaled(Map<Integer, Double> score, List<org.apache.lucene.search.ScoreDoc> list,
			double weight) {
		if (list.isEmpty()) return;
		double max = Double.NEGATIVE_INFINITY;
		double min = Double.POSITIVE_INFINITY;
		for (var d : list) {
			max = Math.max(max, d.score);
			min = Math.min(min, d.score);
		}
		// one article, or all alike: each is the best of its list
		double range = max - min;
		for (var d : list) {
			score.merge(d.doc, weight * (range > 0 ? (d.score - min) / range : 1), Double::sum);
		}
	}

	private Query query(String q, Filter filter) {
		var words = new QueryBuilder(queryWords);
		words.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
		var pairs = new QueryBuilder(queryPairs);
		var w = weights;
		var text = new BooleanQuery.Builder();
		int clauses = 0;
		clauses += add(text, words.createBooleanQuery("title", q), w.title());
		clauses += add(text, words.createBooleanQuery("questions", q), w.questions());
		clauses += add(text, words.createBooleanQuery("body", q), w.body());
		clauses += add(text, pairs.createBooleanQuery("head_pairs", q), w.headPairs());
		clauses += add(text, pairs.createBooleanQuery("body_pairs", q), w.bodyPairs());
		if (clauses == 0) {
			return null;
		}
		return new BooleanQuery.Builder().add(text.build(), Occur.MUST).add(filter(filter), Occur.FILTER).build();
	}

	/** What an article must be to be found at all: type, department, region, valid on the day. */
	private static Query filter(Filter filter) {
		var all = new BooleanQuery.Builder();
		if (filter.type() != null) {
			all.add(new TermQuery(new Term("type", filter.type().name())), Occur.FILTER);
		}
		if (filter.departmentId() != null) {
			all.add(new TermQuery(new Term("department", filter.departmentId().toString())), Occur.FILTER);
		}
		if (filter.region() != null) {
			var accepted = new ArrayList<BytesRef>();
			accepted.add(new BytesRef(EVERYWHERE));
			for (int length : new int[] { 2, 4, 6, 9 }) {
				if (filter.region().length() >= length) {
					accepted.add(new BytesRef(filter.region().substring(0, length)));
				}
			}
			all.add(new TermInSetQuery("region", accepted), Occur.FILTER);
		}
		long day = filter.validOn().toEpochDay();
		all.add(LongPoint.newRangeQuery("valid_from", Long.MIN_VALUE, day), Occur.FILTER);
		all.add(LongPoint.newRangeQuery("valid_to", day, Long.MAX_VALUE), Occur.FILTER);
		return all.build();
	}

	/** The distinct words of a text as the index reads them (without synonyms). */
	private Set<String> words(String text) {
		return ChineseText.distinctWords(askedAnalyzer, text);
	}

	/** The share of the asked words present in the article's title, questions or body, read from the index. */
	private static double coverage(Set<String> asked, org.apache.lucene.index.IndexReader reader, int doc)
			throws IOException {
		if (asked.isEmpty()) {
			return 0;
		}
		var leaves = reader.leaves();
		var leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
		int local = doc - leaf.docBase;
		int present = 0;
		for (var word : asked) {
			var bytes = new BytesRef(word);
			for (var field : List.of("title", "questions", "body")) {
				var terms = leaf.reader().terms(field);
				if (terms == null) {
					continue;
				}
				var each = terms.iterator();
				if (each.seekExact(bytes)) {
					var postings = each.postings(null, org.apache.lucene.index.PostingsEnum.NONE);
					if (postings.advance(local) == local) {
						present++;
						break;
					}
				}
			}
		}
		return present / (double) asked.size();
	}

	private static int add(BooleanQuery.Builder builder, Query query, float boost) {
		if (query == null || boost <= 0) {
			return 0;
		}
		builder.add(new BoostQuery(query, boost), Occur.SHOULD);
		return 1;
	}

	private static String lead(String body) {
		if (body == null) {
			return "";
		}
		var text = body.length() > 80 ? body.substring(0, 80) + "…" : body;
		return HtmlUtils.htmlEscape(text);
	}

	private Document document(Entry e) {
		var doc = new Document();
		doc.add(new StringField(ID, Long.toString(e.id()), Field.Store.YES));
		if (e.externalId() != null) {
			doc.add(new StoredField("external_id", e.externalId()));
		}
		doc.add(new StringField("type", e.type().name(), Field.Store.YES));
		doc.add(new StringField("department", Long.toString(e.departmentId()), Field.Store.NO));
		if (e.regions().isEmpty()) {
			doc.add(new StringField("region", EVERYWHERE, Field.Store.NO));
		}
		for (var region : e.regions()) {
			doc.add(new StringField("region", region, Field.Store.NO));
		}
		doc.add(new LongPoint("valid_from", e.effectiveFrom() == null ? Long.MIN_VALUE : e.effectiveFrom().toEpochDay()));
		doc.add(new LongPoint("valid_to", e.expiresAt() == null ? Long.MAX_VALUE : e.expiresAt().toEpochDay()));
		doc.add(new TextField("title", e.title(), Field.Store.YES));
		var questions = String.join("\n", e.questions());
		doc.add(new TextField("questions", questions, Field.Store.YES));
		doc.add(new Field("body", e.bodyText(), TEXT_WITH_OFFSETS));
		doc.add(new TextField("head_pairs", e.title() + "\n" + questions, Field.Store.NO));
		doc.add(new TextField("body_pairs", e.bodyText(), Field.Store.NO));
		doc.add(new StoredField("version", e.version()));
		if (encoder != null) {
			var text = e.title() + "\n" + questions + "\n" + e.bodyText();
			doc.add(new org.apache.lucene.document.KnnFloatVectorField(VECTOR,
					encoder.encode(text.length() > 2_000 ? text.substring(0, 2_000) : text),
					org.apache.lucene.index.VectorSimilarityFunction.DOT_PRODUCT));
		}
		return doc;
	}

	private static FieldType textWithOffsets() {
		var type = new FieldType(TextField.TYPE_STORED);
		type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
		type.freeze();
		return type;
	}

	@Override
	public void close() {
		try {
			searchers.close();
			writer.close();
			directory.close();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** For tests and diagnostics: the stored fields of an indexed article. */
	Map<String, String> stored(long id) {
		try {
			var searcher = searchers.acquire();
			try {
				var docs = searcher.search(new TermQuery(new Term(ID, Long.toString(id))), 1);
				if (docs.scoreDocs.length == 0) {
					return Map.of();
				}
				var doc = searcher.storedFields().document(docs.scoreDocs[0].doc);
				var out = new HashMap<String, String>();
				doc.getFields().forEach(f -> out.put(f.name(), f.stringValue()));
				return out;
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
