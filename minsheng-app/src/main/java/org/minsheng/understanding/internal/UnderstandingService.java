package org.minsheng.understanding.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import org.minsheng.audit.AuditAction;
import org.minsheng.audit.AuditRecord;
import org.minsheng.audit.AuditTrail;
import org.minsheng.identity.CurrentActor;
import org.minsheng.identity.Permission;
import org.minsheng.nlp.Digest;
import org.minsheng.nlp.Emotion;
import org.minsheng.nlp.LabeledText;
import org.minsheng.nlp.RiskDetector;
import org.minsheng.nlp.RiskKind;
import org.minsheng.nlp.RiskModel;
import org.minsheng.nlp.TextFeatures;
import org.minsheng.nlp.TextReading;
import org.minsheng.nlp.TextSignature;
import org.minsheng.platform.InvalidFieldException;
import org.minsheng.region.DivisionCode;
import org.minsheng.region.Divisions;
import org.minsheng.understanding.RequestBurstDetected;
import org.minsheng.understanding.RequestRiskFlagged;
import org.minsheng.understanding.Understanding;
import org.minsheng.workorder.RegistrationScreen;
import org.minsheng.workorder.WorkOrderClosed;
import org.minsheng.workorder.WorkOrderNo;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Text intelligence for the hotline: the analysis of a request (category, department, region,
 * emotion, risk, near-duplicates), the screening after each registration, the models' training and
 * activation, and the center's risk rules and gazetteer. It is long because it holds the models in
 * force and every use of them; the models themselves are in minsheng-nlp, the fingerprints in
 * SignatureIndex and the dispatch figures in DispatchOutcomes.
 */
@Service
@Transactional
class UnderstandingService implements Understanding, RegistrationScreen {

	static final String CATEGORY = "CATEGORY";

	/** The shipped risk policies, in force until the center saves its own. */
	static final String SHIPPED_RISK_RULES = shippedRiskRules();

	/** The risk rules in force and the version they came from (0 = shipped); re-read when another node saved. */
	private volatile RiskRules risks = new RiskRules(0, SHIPPED_RISK_RULES, detector(SHIPPED_RISK_RULES), 0);

	private record RiskRules(int version, String text, RiskDetector detector, long checkedAt) {
	}

	private static String shippedRiskRules() {
		try (var in = RiskDetector.class.getResourceAsStream("risk-policies.txt")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The rules in force, looking at most every 10 s for a version saved on another node. */
	private RiskRules riskRules() {
		var current = risks;
		long now = System.nanoTime();
		if (now - current.checkedAt() < 10_000_000_000L) return current;
		var newest = jdbc.query("select version, body from nlp_risk_rules order by version desc fetch first 1 rows only",
				(rs, n) -> new Object[] { rs.getInt(1), rs.getString(2) });
		RiskRules fresh;
		if (newest.isEmpty() || (int) newest.get(0)[0] == current.version()) {
			fresh = new RiskRules(current.version(), current.text(), current.detector(), now);
		}
		else {
			var text = (String) newest.get(0)[1];
			fresh = new RiskRules((int) newest.get(0)[0], text, detector(text), now);
		}
		risks = fresh;
		return fresh;
	}

	private static RiskDetector detector(String text) {
		try {
			return new RiskDetector(RiskDetector.parse(new StringReader(text)));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidFieldException("policies", e.getMessage());
		}
	}

	/** The resolver in force, looking at most every 10 s for a gazetteer saved on another node. */
	private Whereabouts whereabouts() {
		var current = places;
		long now = System.nanoTime();
		if (current != null && now - current.checkedAt() < 10_000_000_000L) return current.whereabouts();
		var newest = jdbc.query("select version, body from nlp_gazetteer order by version desc fetch first 1 rows only",
				(rs, n) -> new Object[] { rs.getInt(1), rs.getString(2) });
		int version = newest.isEmpty() ? 0 : (int) newest.get(0)[0];
		Places fresh;
		if (current != null && current.version() == version) {
			fresh = new Places(version, current.text(), current.whereabouts(), now);
		}
		else {
			var text = newest.isEmpty() ? "" : (String) newest.get(0)[1];
			fresh = new Places(version, text, Whereabouts.build(divisions, text, homeRegion), now);
		}
		places = fresh;
		return fresh.whereabouts();
	}

	@Override
	public String gazetteer() {
		current.get().require(Permission.WORKORDER_READ);
		whereabouts();
		return places.text();
	}

	@Override
	public void replaceGazetteer(String text) {
		var actor = current.get().require(Permission.CATEGORY_ADMIN);
		if (text == null) throw new InvalidFieldException("gazetteer", "请以文本提交地名表");
		if (text.length() > 2_000_000) throw new InvalidFieldException("gazetteer", "最多 2,000,000 个字符");
		var built = Whereabouts.build(divisions, text, homeRegion);
		int version = jdbc.queryForObject("select coalesce(max(version), 0) + 1 from nlp_gazetteer", Integer.class);
		jdbc.update("insert into nlp_gazetteer (version, body, entries, saved_by, saved_at) values (?, ?, ?, ?, ?)", version,
				text, built.entries(), actor.username(), OffsetDateTime.now(clock));
		audit.record(AuditRecord.of(AuditAction.NLP_GAZETTEER_REPLACED, "nlp_gazetteer", version, built.entries() + " entries"));
		places = new Places(version, text, built, System.nanoTime());
	}

	@Override
	public String riskPolicies() {
		current.get().require(Permission.WORKORDER_READ);
		return riskRules().text();
	}

	@Override
	public void replaceRiskPolicies(String text) {
		var actor = current.get().require(Permission.CATEGORY_ADMIN);
		if (text == null || text.isBlank()) throw new InvalidFieldException("policies", "请以文本提交风险策略");
		if (text.length() > 100_000) throw new InvalidFieldException("policies", "最多 100,000 个字符");
		var detector = detector(text);
		if (detector.policies().isEmpty()) throw new InvalidFieldException("policies", "文本中没有风险策略");
		int version = jdbc.queryForObject("select coalesce(max(version), 0) + 1 from nlp_risk_rules", Integer.class);
		jdbc.update("insert into nlp_risk_rules (version, body, saved_by, saved_at) values (?, ?, ?, ?)", version, text,
				actor.username(), OffsetDateTime.now(clock));
		audit.record(AuditRecord.of(AuditAction.NLP_RISK_POLICIES_REPLACED, "nlp_risk_rules", version,
				detector.policies().size() + " policies"));
		risks = new RiskRules(version, text, detector, System.nanoTime());
	}

	/**
	 * Every order is screened once its registration has committed (by the work orders' screening,
	 * which runs this again when it fails, so a second run for the same order changes nothing): a
	 * risk becomes {@link org.minsheng.understanding.RequestRiskFlagged}, which reaches the
	 * supervisors through the event registry; the order's fingerprint is kept with its district, its
	 * near-duplicates listed, and many alike within the burst window make a
	 * {@link org.minsheng.understanding.RequestBurstDetected}. Orders without risk cost a few pattern
	 * matches and nothing in the registry.
	 */
	@Override
	public void screen(WorkOrderNo no, String title, String content, String divisionCode) {
		var text = text(title, content);
		var flags = flags(text, TextFeatures.of(text), riskRules().detector(), riskModel());
		if (!flags.isEmpty()) {
			events.publishEvent(new RequestRiskFlagged(no.value(), flags, OffsetDateTime.now(clock)));
		}
		var code = divisionCode != null ? divisionCode : whereabouts().resolve(text).map(r -> r.code()).orElse(null);
		var district = code == null || code.length() < 6 ? null : code.substring(0, 6);
		if (district == null) return;
		var signature = TextSignature.of(text);
		var now = OffsetDateTime.now(clock);
		var duplicateSince = now.minus(likeness.duplicateWindow());
		var burstSince = now.minus(likeness.burstWindow());
		// the district's open orders that share a band with the text, for the longer of the two windows
		var alike = alike(signature, index.candidates(district, signature,
				duplicateSince.isBefore(burstSince) ? duplicateSince : burstSince), no.value());
		// an order screened before (it has a fingerprint) has its duplicates listed already: they are listed anew
		if (!index.put(no.value(), district, signature, now)) {
			jdbc.update("delete from nlp_duplicate where no = ?", no.value());
		}
		jdbc.batchUpdate("insert into nlp_duplicate (no, candidate_no, score, found_at) values (?, ?, ?, ?)",
				best(alike.stream().filter(a -> !a.registeredAt().isBefore(duplicateSince)).toList()).stream()
					.map(d -> new Object[] { no.value(), d.no(), d.score(), now })
					.toList());
		var sameDay = alike.stream().filter(a -> !a.registeredAt().isBefore(burstSince)).toList();
		if (likeness.burst(sameDay.size() + 1)) {
			var latest = new ArrayList<String>();
			latest.add(no.value());
			sameDay.stream()
				.sorted(Comparator.comparing(Alike::registeredAt).reversed())
				.limit(RequestBurstDetected.LATEST - 1)
				.forEach(d -> latest.add(d.no()));
			var name = divisions.fullName(new DivisionCode(district));
			events.publishEvent(new RequestBurstDetected(district, name, sameDay.size() + 1,
					List.copyOf(latest), now));
		}
	}

	/** An open order that looks like the text, with how alike. */
	private record Alike(String no, double score, OffsetDateTime registeredAt) {
	}

	/** The best five, as the analysis and the order show them. */
	private static List<Analysis.Duplicate> best(List<Alike> alike) {
		return alike.stream().limit(5).map(a -> new Analysis.Duplicate(a.no(), a.score())).toList();
	}

	/** Those of the open orders that look like the text, best first. */
	private List<Alike> alike(int[] signature, List<SignatureIndex.OpenOrder> openOrders, String except) {
		var out = new ArrayList<Alike>();
		for (var order : openOrders) {
			if (order.no().equals(except)) continue;
			double score = TextSignature.similarity(signature,
					TextSignature.decode(order.signature()));
			if (likeness.alike(score)) out.add(new Alike(order.no(), round(score), order.registeredAt()));
		}
		out.sort((a, b) -> Double.compare(b.score(), a.score()));
		return out;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Analysis.Duplicate> duplicatesOf(String no) {
		current.get().require(Permission.WORKORDER_READ);
		return jdbc.query("select candidate_no, score from nlp_duplicate d where no = ? and exists (select 1 from"
				+ " nlp_order_signature s where s.no = d.candidate_no and s.open = true) order by score desc",
				(rs, n) -> new Analysis.Duplicate(rs.getString(1), rs.getDouble(2)), no);
	}

	/** A closed, merged or withdrawn order is no longer anyone's duplicate. */
	@ApplicationModuleListener
	void on(WorkOrderClosed closed) {
		index.closed(closed.no().value());
	}

	/**
	 * Fingerprints kept before the index existed get their bands at the first start; bands older
	 * than every window go each night.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void indexOlderFingerprints() {
		int indexed = index.backfill(OffsetDateTime.now(clock).minus(longestWindow()));
		if (indexed > 0) org.slf4j.LoggerFactory.getLogger(UnderstandingService.class).info(
				"Indexed the fingerprints of {} open orders for the near-duplicate look-up", indexed);
	}

	@Scheduled(cron = "0 15 3 * * *", zone = "Asia/Shanghai")
	void forgetOldBands() {
		index.expire(OffsetDateTime.now(clock).minus(longestWindow()));
	}

	private Duration longestWindow() {
		return likeness.duplicateWindow().compareTo(likeness.burstWindow()) > 0 ? likeness.duplicateWindow()
				: likeness.burstWindow();
	}

	/**
	 * The risks of a text: every kind a policy finds, and the kind the risk model finds when no
	 * policy found that kind. The model only adds; it never clears what a policy found.
	 */
	private static List<Analysis.Risk> flags(String text, TextFeatures.Vector features,
			RiskDetector detector, RiskModel model) {
		var flags = new ArrayList<>(detector.detect(text));
		if (model != null) {
			model.detect(features).filter(m -> flags.stream().noneMatch(f -> f.kind() == m.kind())).ifPresent(flags::add);
		}
		return flags.stream().map(f -> new Analysis.Risk(f.kind().name(), f.kind().label(), f.policy(), f.evidence())).toList();
	}

	/**
	 * The center's risk model when one was trained (shipped sentences and its own risk-labelled
	 * examples), else the shipped one, trained on first use (454 sentences, a fraction of a second);
	 * null when turned off.
	 */
	private RiskModel riskModel() {
		if (riskModelThreshold <= 0) return null;
		var own = shelf.active(ModelKind.RISK);
		if (own != null) {
			var current = centerRiskModel;
			if (current == null || current.version() != own.version()) {
				current = new CenterRiskModel(own.version(), RiskModel.of(own.classifier(), riskModelThreshold));
				centerRiskModel = current;
			}
			return current.model();
		}
		var model = riskModel;
		if (model == null) {
			synchronized (this) {
				if (riskModel == null) riskModel = RiskModel.shipped(riskModelThreshold);
				model = riskModel;
			}
		}
		return model;
	}

	private volatile RiskModel riskModel;

	private record CenterRiskModel(int version, RiskModel model) {
	}

	private volatile CenterRiskModel centerRiskModel;

	/** {@code minsheng.nlp.risk-model-threshold}: 0 turns the model off. */
	private final double riskModelThreshold;

	private final JdbcTemplate jdbc;

	private final CurrentActor current;

	private final AuditTrail audit;

	private final Clock clock;

	private final ModelShelf shelf;

	private final TransformerCategory transformerCategory;

	private final TrainingSet trainingSet;

	private final DispatchOutcomes outcomes;

	private final ApplicationEventPublisher events;

	private final Divisions divisions;

	private final String homeRegion;

	/** The resolver with the gazetteer version it was built from; re-read like the risk rules. */
	private volatile Places places;

	private final LikenessPolicy likeness;

	private final SignatureIndex index;

	private record Places(int version, String text, Whereabouts whereabouts, long checkedAt) {
	}

	UnderstandingService(JdbcTemplate jdbc, CurrentActor current, AuditTrail audit, Clock clock, ModelShelf shelf,
			TrainingSet trainingSet, DispatchOutcomes outcomes, TransformerCategory transformerCategory,
			ApplicationEventPublisher events, Divisions divisions,
			LikenessPolicy likeness, @Value("${minsheng.region.home:}") String homeRegion,
			@Value("${minsheng.nlp.risk-model-threshold:0.5}") double riskModelThreshold, SignatureIndex index) {
		this.index = index;
		if (riskModelThreshold < 0 || riskModelThreshold > 1) {
			throw new IllegalArgumentException("minsheng.nlp.risk-model-threshold lies in [0, 1] (0 turns the model off)");
		}
		this.riskModelThreshold = riskModelThreshold;
		this.likeness = likeness;
		this.shelf = shelf;
		this.transformerCategory = transformerCategory;
		this.trainingSet = trainingSet;
		this.outcomes = outcomes;
		this.events = events;
		this.divisions = divisions;
		this.homeRegion = homeRegion;
		this.jdbc = jdbc;
		this.current = current;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public ImportResult importExamples(String csv) {
		var actor = current.get().require(Permission.CATEGORY_ADMIN);
		if (csv == null || csv.isBlank()) {
			throw new InvalidFieldException("body", "请提交带表头 id,title,detail,category,department 的 CSV");
		}
		List<Map<String, String>> rows;
		try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
			.with(CsvSchema.emptySchema().withHeader())
			.readValues(csv.strip().replace("\uFEFF", ""))) {
			rows = it.readAll();
		}
		catch (JacksonException e) {
			throw new InvalidFieldException("body", "不是带表头的 CSV：" + e.getOriginalMessage());
		}
		if (rows.isEmpty()) {
			throw new InvalidFieldException("body", "CSV 只有表头，没有数据行");
		}
		if (!rows.get(0).containsKey("title") && !rows.get(0).containsKey("detail")) {
			throw new InvalidFieldException("body", "表头中没有 title 或 detail 列");
		}
		var now = OffsetDateTime.now(clock);
		var errors = new ArrayList<ImportResult.RowError>();
		int imported = 0;
		for (int i = 0; i < rows.size(); i++) {
			var r = rows.get(i);
			var title = cut(r.get("title"), 500);
			var detail = cut(r.get("detail"), 8000);
			var category = cut(r.containsKey("category") ? r.get("category") : r.get("label"), 100);
			if (title == null && detail == null) {
				errors.add(new ImportResult.RowError(i + 1, "title", "A row needs a title or a detail"));
				continue;
			}
			var emotionName = cut(r.get("emotion"), 20);
			var emotion = Emotion.parse(emotionName);
			if (emotionName != null && emotion.isEmpty()) {
				errors.add(new ImportResult.RowError(i + 1, "emotion",
						"One of angry, anxious, sad, neutral, positive (or 愤怒, 焦虑, 悲伤, 平和, 积极): " + emotionName));
				continue;
			}
			var riskName = cut(r.get("risk"), 20);
			var risk = riskLabel(riskName);
			if (riskName != null && risk == null) {
				errors.add(new ImportResult.RowError(i + 1, "risk", "One of SELF_HARM, VIOLENCE, PUBLIC_SAFETY, MASS_INCIDENT,"
						+ " MEDIA_EXPOSURE, NONE (or 自伤自杀, 暴力威胁, 公共安全, 群体事件, 媒体曝光, 无): " + riskName));
				continue;
			}
			jdbc.update("insert into nlp_example (external_id, title, detail, category, department, emotion, risk,"
					+ " imported_by, imported_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", cut(r.get("id"), 100), title, detail,
					category, cut(r.get("department"), 200), emotion.map(Enum::name).orElse(null), risk, actor.username(),
					now);
			imported++;
		}
		audit.record(AuditRecord.of(AuditAction.NLP_EXAMPLES_IMPORTED, "nlp_example", null,
				"received=" + rows.size() + ", imported=" + imported + ", rejected=" + errors.size()));
		return new ImportResult(rows.size(), imported, errors);
	}

	@Override
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public ModelVersion train() {
		return train(ModelKind.CATEGORY.label());
	}

	@Override
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public ModelVersion train(String kind) {
		var actor = current.get().require(Permission.CATEGORY_ADMIN);
		var which = ModelKind.parse(kind);
		return shelf.train(which, trainingSet.examples(which).all(), actor.username());
	}

	@Override
	public ModelVersion activate(String kind, int version) {
		var actor = current.get().require(Permission.CATEGORY_ADMIN);
		return shelf.activate(ModelKind.parse(kind), version, actor.username());
	}

	@Override
	public void deactivate(String kind) {
		var actor = current.get().require(Permission.CATEGORY_ADMIN);
		shelf.deactivate(ModelKind.parse(kind), actor.username());
	}

	@Override
	@Transactional(readOnly = true)
	public List<ModelVersion> models() {
		current.get().require(Permission.CATEGORY_ADMIN);
		return shelf.versions();
	}

	@Override
	@Transactional(readOnly = true)
	public DispatchFigures dispatchFigures(LocalDate from, LocalDate to) {
		current.get().require(Permission.WORKORDER_SUPERVISE);
		if (from == null) throw new InvalidFieldException("from", "请填写开始日期，如 2026-11-01");
		if (to == null) throw new InvalidFieldException("to", "请填写结束日期，如 2026-11-30");
		if (to.isBefore(from)) throw new InvalidFieldException("to", "结束日期早于开始日期");
		return outcomes.figures(from, to);
	}

	@Override
	@Transactional(readOnly = true)
	public Analysis analyze(String title, String content) {
		current.get().require(Permission.WORKORDER_READ);
		var text = checked(title, content, "content");
		var since = OffsetDateTime.now(clock).minus(likeness.duplicateWindow());
		return analysis(text, content, Readers.now(this, (district, signature) -> index.candidates(district, signature, since)));
	}

	/**
	 * Many requests at once (a backlog, a re-reading after a new model): the models, rules and
	 * gazetteer are looked up once, and the open orders of each district once, not once a text. All
	 * are checked before any is read; a bad one names its place ({@code requests[3].content}).
	 */
	@Override
	@Transactional(readOnly = true)
	public List<Analysis> analyzeAll(List<Request> requests) {
		current.get().require(Permission.WORKORDER_READ);
		if (requests == null || requests.isEmpty()) {
			throw new InvalidFieldException("requests", "请至少提交一条诉求");
		}
		if (requests.size() > MAX_BATCH) {
			throw new InvalidFieldException("requests", "一次最多 " + MAX_BATCH + " 条诉求");
		}
		var texts = new ArrayList<String>(requests.size());
		for (int i = 0; i < requests.size(); i++) {
			var r = requests.get(i);
			if (r == null) throw new InvalidFieldException("requests[" + i + "]", "请填写要分析的标题或内容");
			texts.add(checked(r.title(), r.content(), "requests[" + i + "].content"));
		}
		var since = OffsetDateTime.now(clock).minus(likeness.duplicateWindow());
		var readers = Readers.now(this, (district, signature) -> index.candidates(district, signature, since));
		var out = new ArrayList<Analysis>(texts.size());
		for (int i = 0; i < texts.size(); i++) {
			out.add(analysis(texts.get(i), requests.get(i).content(), readers));
		}
		return out;
	}

	/** The most requests {@link #analyzeAll} takes at once. */
	static final int MAX_BATCH = 1_000;

	private static String checked(String title, String content, String field) {
		var text = text(title, content);
		if (text.isBlank()) {
			throw new InvalidFieldException(field, "请填写要分析的标题或内容");
		}
		if (text.length() > 10_000) {
			throw new InvalidFieldException(field, "At most 10,000 characters");
		}
		return text;
	}

	/** What an analysis reads besides the text, looked up once for one text or for a whole batch. */
	private record Readers(ModelShelf.Loaded category, ModelShelf.Loaded subcategory, ModelShelf.Loaded department,
			ModelShelf.Loaded emotion,
			RiskDetector detector, RiskModel riskModel, Whereabouts whereabouts,
			BiFunction<String, int[], List<SignatureIndex.OpenOrder>> openOrders) {

		static Readers now(UnderstandingService s,
				BiFunction<String, int[], List<SignatureIndex.OpenOrder>> openOrders) {
			return new Readers(s.shelf.active(ModelKind.CATEGORY), s.shelf.active(ModelKind.SUBCATEGORY),
					s.shelf.active(ModelKind.DEPARTMENT),
					s.shelf.active(ModelKind.EMOTION), s.riskRules().detector(), s.riskModel(), s.whereabouts(), openOrders);
		}
	}

	private Analysis analysis(String text, String content, Readers readers) {
		// the text is made Simplified and cut into words once, for the keywords and every model
		var reading = TextReading.of(text);
		var features = TextFeatures.of(reading);
		var risks = flags(text, features, readers.detector(), readers.riskModel());
		var region = readers.whereabouts().resolve(text)
			.map(r -> new Analysis.Region(r.code(), r.level(), r.fullName(), r.confidence(), r.evidence()))
			.orElse(null);
		// the summary is of the content (the title is a summary already), unless there is only a title
		int from = content == null || content.isBlank() || text.length() == content.strip().length() ? 0
				: text.length() - content.strip().length();
		var digest = Digest.of(reading, text, from, 5, 40);
		var keywords = digest.keywords();
		var summary = digest.summary();
		var code = region == null ? null : region.code();
		var district = code == null || code.length() < 6 ? null : code.substring(0, 6);
		var signature = TextSignature.of(text);
		var duplicates = district == null ? List.<Analysis.Duplicate>of()
				: best(alike(signature, readers.openOrders().apply(district, signature), null));
		var department = guess(ModelKind.DEPARTMENT, readers.department(), features);
		var emotion = guess(ModelKind.EMOTION, readers.emotion(), features)
			.map(g -> new Analysis.Guess(Emotion.valueOf(g.label()).label(), g.confidence()));
		// the category: the transformer when one is configured, else the active linear model, else none
		var transformer = transformerCategory.classify(text);
		var model = readers.category();
		var c = transformer.orElseGet(() -> model == null ? null : model.classifier().classify(features));
		if (c == null) {
			return new Analysis(null, List.of(), department.orElse(null), region, emotion.orElse(null), risks, keywords,
					summary, null, duplicates, null);
		}
		return new Analysis(new Analysis.Guess(c.label(), round(c.confidence())),
				c.alternatives().stream().map(a -> new Analysis.Guess(a.label(), round(a.confidence()))).toList(),
				department.orElse(null), region, emotion.orElse(null), risks, keywords, summary,
				transformer.isPresent() ? null : model.version(), duplicates,
				subcategory(readers.subcategory(), c.label(), features));
	}

	/** The likeliest level-2 category under the chosen one ({@code 城乡建设/物业管理} read as 物业管理); null without a model or a child. */
	private static Analysis.Guess subcategory(ModelShelf.Loaded model, String category,
			TextFeatures.Vector features) {
		if (model == null) return null;
		var prefix = category + "/";
		return model.classifier()
			.best(features, label -> label.startsWith(prefix))
			.map(a -> new Analysis.Guess(a.label().substring(prefix.length()), round(a.confidence())))
			.orElse(null);
	}

	/** The best label of a model, without a department's {@code #id}; empty when none is trained. */
	private Optional<Analysis.Guess> guess(ModelKind kind, ModelShelf.Loaded model,
			TextFeatures.Vector features) {
		if (model == null) return Optional.empty();
		var c = model.classifier().classify(features);
		var label = kind == ModelKind.DEPARTMENT && c.label().lastIndexOf('#') > 0
				? c.label().substring(0, c.label().lastIndexOf('#')) : c.label();
		return Optional.of(new Analysis.Guess(label, round(c.confidence())));
	}

	/** A risk label as stored: a {@link org.minsheng.nlp.RiskKind} name or NONE; null when it names neither. */
	static String riskLabel(String name) {
		if (name == null) return null;
		var n = name.strip();
		if (n.equalsIgnoreCase("NONE") || n.equals("无")) return "NONE";
		for (var kind : RiskKind.values()) {
			if (kind.name().equalsIgnoreCase(n) || kind.label().equals(n)) return kind.name();
		}
		return null;
	}

	static String text(String title, String detail) {
		var t = title == null ? "" : title.strip();
		var d = detail == null ? "" : detail.strip();
		return t.isEmpty() ? d : d.isEmpty() ? t : t + "\n" + d;
	}

	private static String cut(String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		var v = value.strip();
		return v.length() > max ? v.substring(0, max) : v;
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}
}
