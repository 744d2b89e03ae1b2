package org.minsheng.understanding;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Text intelligence for the center. Importing examples and training need {@code CATEGORY_ADMIN};
 * analyzing needs {@code WORKORDER_READ}.
 */
public interface Understanding {

	/**
	 * Imports training examples from CSV ({@code id,title,detail,category,department}, optionally
	 * {@code emotion} and {@code risk}; {@code label} is taken for {@code category}; any label may be
	 * empty). Each bad row is reported by number
	 * and field; the good ones are kept.
	 */
	ImportResult importExamples(String csv);

	/** Trains the category model on the examples, with 5-fold figures; activates it when not worse. */
	ModelVersion train();

	/**
	 * Trains a model of the kind ({@code category}, {@code department}, {@code emotion},
	 * {@code risk}) on the imported examples with that label and, for category and department, the
	 * closed orders of the last year, for risk the shipped sentences; with 5-fold figures; activates
	 * it when its macro-F1 is not below the active one's.
	 */
	ModelVersion train(String kind);

	/** Makes a kept version of the kind active again (rollback); CATEGORY_ADMIN. */
	ModelVersion activate(String kind, int version);

	/** Turns the kind's model off (its advice and analysis stop) until a version is trained or activated. */
	void deactivate(String kind);

	/**
	 * Orders first dispatched between the days (Asia/Shanghai, both included): how many were
	 * dispatched automatically, and how many of those and of the dispatchers' own the first
	 * department returned (退单率); WORKORDER_SUPERVISE.
	 */
	DispatchFigures dispatchFigures(LocalDate from, LocalDate to);

	List<ModelVersion> models();

	/** Reads a request: today its category with a probability and the alternatives, and its risks. */
	Analysis analyze(String title, String content);

	/**
	 * Reads many requests at once (up to 1,000), in their order, as {@link #analyze} reads each:
	 * for a backlog or a re-reading after a new model. A bad request refuses the whole batch and
	 * names its place ({@code requests[3].content}).
	 */
	List<Analysis> analyzeAll(List<Request> requests);

	/** A request to read: its title, its content, or both. */
	record Request(String title, String content) {
	}

	/** The risk policies in force, in the block form ({@code [name] KIND}, {@code terms:}, {@code pattern:}, {@code except:}). */
	String riskPolicies();

	/** Open orders registered in the week before {@code no} that look like it (疑似重复), best first. */
	List<Analysis.Duplicate> duplicatesOf(String no);

	/** The center's local gazetteer as text ({@code 名称,区划代码} a line). */
	String gazetteer();

	/** Replaces the gazetteer (CATEGORY_ADMIN); refused whole, naming the line, when a line is wrong. */
	void replaceGazetteer(String text);

	/**
	 * Replaces the risk policies (CATEGORY_ADMIN); a mistake is refused whole, naming its line. The
	 * new rules apply at once on this node and within seconds on the others.
	 */
	void replaceRiskPolicies(String text);

	record ImportResult(int received, int imported, List<RowError> errors) {

		public record RowError(int row, String field, String message) {
		}
	}

	record DispatchFigures(LocalDate from, LocalDate to, long dispatched, long automatic,
			double automaticShare, long automaticReturned, double automaticReturnRate, long manual, long manualReturned,
			double manualReturnRate) {
	}

	/**
	 * A trained version and its cross-validated figures. {@code calibrationError} is the expected
	 * calibration error of its confidences on held-out texts (how far "0.8 sure" is from being right
	 * eight times in ten), {@code temperature} what its probabilities are tempered by (0: LibLinear's
	 * own); both are null for versions trained before they were measured.
	 */
	record ModelVersion(String kind, int version, int examples, double accuracy, double macroF1, double top3Accuracy,
			Double calibrationError, Double temperature, boolean active, OffsetDateTime trainedAt, String note) {
	}

	/**
	 * What is understood of a request. Category, department and emotion come from the active model
	 * of each kind and are null until one is trained; {@code subcategory} is the likeliest level-2
	 * category under the chosen category, when a subcategory model is trained; risks come from the
	 * named risk policies (never from a model's confidence) and the risk model; region from the
	 * address resolver; keywords (tf-idf) and a one-line summary (long texts only) from the words.
	 */
	record Analysis(Guess category, List<Guess> alternatives, Guess department, Region region, Guess emotion,
			List<Risk> risks, List<String> keywords, String summary, Integer modelVersion, List<Duplicate> duplicates,
			Guess subcategory) {

		/** An open order that looks like this request (疑似重复): its number, title and the similarity, 0 to 1. */
		public record Duplicate(String no, double score) {
		}

		public record Guess(String label, double confidence) {
		}

		/**
		 * Where the request is about: the deepest division the text's place names agree on (level 1
		 * province … 4 street or town), its full name, and the names that led there.
		 */
		public record Region(String code, int level, String name, double confidence, List<String> evidence) {
		}

		/** A risk that must reach a supervisor at once: its kind, the policy that found it, the words. */
		public record Risk(String kind, String label, String policy, String evidence) {
		}
	}
}
