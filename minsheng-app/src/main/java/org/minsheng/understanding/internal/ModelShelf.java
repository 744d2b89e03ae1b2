package org.minsheng.understanding.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.minsheng.audit.AuditAction;
import org.minsheng.audit.AuditRecord;
import org.minsheng.audit.AuditTrail;
import org.minsheng.nlp.LabeledText;
import org.minsheng.nlp.TextClassifier;
import org.minsheng.platform.InvalidFieldException;
import org.minsheng.platform.NotFoundException;
import org.minsheng.understanding.Understanding.ModelVersion;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The versioned models of each kind: a file per version under {@code <data-dir>/nlp-models}, a row
 * per version with its cross-validated figures, one active version per kind. A new version becomes
 * active only when its macro-F1 is not below the active one's; any kept version can be made active
 * again (rollback). Every node reads the active version's file when the row says it changed.
 */
@Component
class ModelShelf {

	/** How many folds the figures of a new model come from. */
	static final int FOLDS = 5;

	private final JdbcTemplate jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	private final Path dir;

	/** The active model of each kind as this node last saw it (null: none), and when it looked. */
	private final Map<ModelKind, Seen> active = new ConcurrentHashMap<>(new EnumMap<>(ModelKind.class));

	private record Seen(Loaded loaded, long checkedAt) {
	}

	/** How long this node trusts what it last saw before asking the database again (another node may have trained). */
	static final long RECHECK_NANOS = 5_000_000_000L;

	record Loaded(int version, TextClassifier classifier) {
	}

	private void seen(ModelKind kind, Loaded loaded) {
		active.put(kind, new Seen(loaded, System.nanoTime()));
	}

	ModelShelf(JdbcTemplate jdbc, AuditTrail audit, Clock clock, @Value("${minsheng.data-dir}") String dataDir) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.dir = Path.of(dataDir, "nlp-models");
	}

	/**
	 * Trains a version on the examples, with k-fold figures; makes it active when not worse, or when
	 * the active one was trained on texts read another way.
	 */
	ModelVersion train(ModelKind kind, List<LabeledText> examples, String by) {
		if (examples.size() < FOLDS * 2 || examples.stream().map(LabeledText::label).distinct().count() < 2) {
			throw new InvalidFieldException("examples", "训练 " + kind.label() + " 模型至少需要 " + FOLDS * 2
					+ " 条样本且至少两个标签；现有 " + examples.size() + " 条");
		}
		var validated = TextClassifier.trainAndValidate(examples, FOLDS, 2026, kind.cost());
		var figures = validated.figures();
		var calibration = figures.calibration();
		var classifier = kind.calibrates() ? validated.classifier() : validated.classifier().uncalibrated();
		// the calibration error it is shown with: the tempered one, or LibLinear's own where not tempered
		double calibrationError = kind.calibrates() ? calibration.error() : calibration.errorBefore();
		var now = OffsetDateTime.now(clock);
		int version = jdbc.queryForObject("select coalesce(max(version), 0) + 1 from nlp_model where kind = ?",
				Integer.class, kind.name());
		var file = kind.name().toLowerCase(Locale.ROOT) + "-v" + version + ".model";
		try {
			Files.createDirectories(dir);
			var temp = Files.createTempFile(dir, "model-", ".part");
			try (var out = Files.newOutputStream(temp)) {
				classifier.save(out);
			}
			Files.move(temp, dir.resolve(file), StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		var best = jdbc.queryForList("select macro_f1 from nlp_model where kind = ? and active = true", Double.class,
				kind.name());
		// a model that reads texts the old way is replaced whatever its figures: they were measured on other features
		var current = active(kind);
		boolean stale = current != null && !current.classifier().current();
		boolean better = best.isEmpty() || stale || figures.macroF1() >= best.get(0);
		if (better) {
			jdbc.update("update nlp_model set active = false where kind = ?", kind.name());
		}
		jdbc.update("insert into nlp_model (kind, version, examples, accuracy, macro_f1, top3, calibration_error,"
				+ " temperature, file_name, active, trained_by, trained_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				kind.name(), version, examples.size(), figures.accuracy(), figures.macroF1(), figures.top3Accuracy(),
				calibrationError, classifier.temperature(), file, better, by, now);
		if (better) {
			seen(kind, new Loaded(version, classifier));
		}
		var note = better ? "active" : String.format("kept the active version (macro-F1 %.3f): this one is worse", best.get(0));
		audit.record(AuditRecord.of(AuditAction.NLP_MODEL_TRAINED, "nlp_model", kind + " v" + version,
				String.format("examples=%d, accuracy=%.3f, macroF1=%.3f, calibrationError=%.3f, temperature=%.3f, %s",
						examples.size(), figures.accuracy(), figures.macroF1(), calibrationError, classifier.temperature(),
						note)).by(by));
		return new ModelVersion(kind.name(), version, examples.size(), figures.accuracy(), figures.macroF1(),
				figures.top3Accuracy(), calibrationError, classifier.temperature(), better, now, note);
	}

	/** Makes a kept version the active one again (rollback, or forward after one). */
	ModelVersion activate(ModelKind kind, int version, String by) {
		var rows = jdbc.query("select file_name from nlp_model where kind = ? and version = ?",
				(rs, n) -> rs.getString(1), kind.name(), version);
		if (rows.isEmpty()) throw new NotFoundException(kind.label() + " 模型的版本", version);
		var loaded = new Loaded(version, read(rows.get(0)));
		jdbc.update("update nlp_model set active = (version = ?) where kind = ?", version, kind.name());
		seen(kind, loaded);
		audit.record(AuditRecord.of(AuditAction.NLP_MODEL_ACTIVATED, "nlp_model", kind + " v" + version, null).by(by));
		return versions().stream().filter(v -> v.kind().equals(kind.name()) && v.version() == version).findFirst()
			.orElseThrow();
	}

	/** No version of the kind is active any more: its advice stops until one is trained or activated. */
	void deactivate(ModelKind kind, String by) {
		if (jdbc.update("update nlp_model set active = false where kind = ? and active = true", kind.name()) > 0) {
			audit.record(AuditRecord.of(AuditAction.NLP_MODEL_DEACTIVATED, "nlp_model", kind.name(), null).by(by));
		}
		seen(kind, null);
	}

	List<ModelVersion> versions() {
		return jdbc.query("select kind, version, examples, accuracy, macro_f1, top3, calibration_error, temperature, active,"
				+ " trained_at from nlp_model order by kind, version desc", (rs, n) -> new ModelVersion(rs.getString(1),
						rs.getInt(2), rs.getInt(3), rs.getDouble(4), rs.getDouble(5), rs.getDouble(6),
						(Double) rs.getObject(7, Double.class), (Double) rs.getObject(8, Double.class), rs.getBoolean(9),
						rs.getObject(10, OffsetDateTime.class), rs.getBoolean(9) ? "active" : null));
	}

	/**
	 * The active model of the kind, or null when none is; what another node trained, activated or
	 * turned off is seen within {@link #RECHECK_NANOS}, so a request costs no query for it.
	 */
	Loaded active(ModelKind kind) {
		var last = active.get(kind);
		long now = System.nanoTime();
		if (last != null && now - last.checkedAt() < RECHECK_NANOS) {
			return last.loaded();
		}
		var row = jdbc.query("select version, file_name from nlp_model where kind = ? and active = true",
				(rs, n) -> new Object[] { rs.getInt(1), rs.getString(2) }, kind.name());
		Loaded loaded;
		if (row.isEmpty()) {
			loaded = null;
		}
		else if (last != null && last.loaded() != null && last.loaded().version() == (Integer) row.get(0)[0]) {
			loaded = last.loaded();
		}
		else {
			loaded = new Loaded((Integer) row.get(0)[0], read((String) row.get(0)[1]));
		}
		active.put(kind, new Seen(loaded, now));
		return loaded;
	}

	private TextClassifier read(String file) {
		try (var in = Files.newInputStream(dir.resolve(file))) {
			return TextClassifier.load(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read model file " + file, e);
		}
	}
}
