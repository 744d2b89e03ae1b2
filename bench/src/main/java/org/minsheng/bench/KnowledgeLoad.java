package org.minsheng.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.minsheng.bot.FaqBot;
import org.minsheng.identity.Departments;
import org.minsheng.identity.Role;
import org.minsheng.identity.RunAs;
import org.minsheng.identity.Users;
import org.minsheng.knowledge.ArticleRecord;
import org.minsheng.knowledge.KnowledgeBase;
import org.minsheng.knowledge.SearchRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The knowledge base's figures. Retrieval: the answers of the Taipei FAQ (Traditional Chinese)
 * are imported as FAQ articles whose title is not the question (the department and a number) and
 * that carry no question phrasing, so the question must be matched against the answer text; then
 * each question is asked and the rank of its own answer recorded (Recall@1, Recall@5, MRR). Speed:
 * N articles made from the public message texts and service guides are written to the database,
 * the index is rebuilt from it (timed), and searches are timed through the service as an agent.
 */
final class KnowledgeLoad {

	/** The phone a benchmark citizen leaves with the bot, with their yes to an order. */
	static final String BENCH_CITIZEN = "13800138000";

	static final Path FAQ = Path.of("../shared/data/gov-faq-tw/faq-dev.csv");

	static final Path GUIDES = Path.of("../shared/data/gov-service-matters/gd_service_matters.csv");

	private KnowledgeLoad() {
	}

	/**
	 * Retrieval with dense vectors: BAAI's bge-small-zh-v1.5 (quantized ONNX, MIT licence), read from
	 * the Maven artifact LangChain4j publishes it in, configured as a center would configure its own
	 * encoder file (CLS pooling, BGE's query instruction). Reports the same Recall@k and MRR as
	 * {@link #run} for each weight of words in the fusion (and over the odd and even questions apart,
	 * to choose a weight on one half and judge it on the other), then search and bot speed over the
	 * 937 FAQ answers at the first weight.
	 */
	static void dense(String db, int searches, String wordsWeights) throws Exception {
		var dir = Files.createTempDirectory("bge");
		var model = dir.resolve("bge-small-zh-v1.5-q.onnx");
		try (var in = KnowledgeLoad.class.getResourceAsStream("/bge-small-zh-v1.5-q.onnx")) {
			Files.copy(in, model);
		}
		// the tokenizer's WordPiece vocabulary as vocab.txt, one token a line in id order
		var tokenizer = tools.jackson.databind.json.JsonMapper.builder().build()
			.readTree(KnowledgeLoad.class.getResourceAsStream("/bge-small-zh-v1.5-q-tokenizer.json"));
		var vocab = tokenizer.get("model").get("vocab");
		var tokens = new String[vocab.size()];
		vocab.properties().forEach(e -> tokens[e.getValue().asInt()] = e.getKey());
		var vocabFile = dir.resolve("vocab.txt");
		Files.writeString(vocabFile, String.join("\n", tokens) + "\n", StandardCharsets.UTF_8);
		var weights = List.of(wordsWeights.split(","));
		boolean first = true;
		for (var prefix : List.of("", "为这个句子生成表示以用于检索相关文章：")) {
			for (var weight : prefix.isEmpty() ? weights : weights.subList(0, 1)) {
				try (var databases = new Databases()) {
					var context = databases.start(db, "--minsheng.knowledge.sync-interval=1h",
							"--minsheng.knowledge.onnx.encoder-model=" + model, "--minsheng.knowledge.onnx.encoder-vocab=" + vocabFile,
							"--minsheng.knowledge.onnx.encoder-pooling=cls", "--minsheng.knowledge.onnx.max-length=512",
							"--minsheng.knowledge.onnx.query-prefix=" + prefix, "--minsheng.knowledge.onnx.words-weight=" + weight.strip());
					var runAs = context.getBean(RunAs.class);
					var knowledge = context.getBean(KnowledgeBase.class);
					var root = benchUsers(context);
					System.out.printf("dense vectors of bge-small-zh-v1.5 (quantized), CLS pooling, query prefix '%s', words weight %s%n",
							prefix, weight.strip());
					long t = System.nanoTime();
					var questions = retrieval(runAs, knowledge, root.value());
					System.out.printf("(import with vectors and the 937 searches: %.1f s)%n", (System.nanoTime() - t) / 1e9);
					if (!first) {
						continue;
					}
					first = false;
					var bot = context.getBean(FaqBot.class);
					calibration(runAs, bot, knowledge, questions);
					var asked = new int[2];
					runAs.asUser("kb_bench", () -> {
						WorkOrderLoad.measure("search with dense vectors (937 articles, top 10 with snippets, as an agent)", 100,
								searches, () -> knowledge.search(new SearchRequest(questions.get(asked[0]++ % questions.size())[0], 10,
										null, null, null, null, "AGENT")).size());
						return null;
					});
					runAs.asUser("bot_bench", () -> {
						WorkOrderLoad.measure("bot answer with dense vectors (937 articles)", 100, searches, () -> {
							var q = questions.get(asked[1]++ % questions.size());
							return bot.ask(new FaqBot.Question(q[0], null, "WEB", null, null, BENCH_CITIZEN, true)).handoff() ? 0 : 1;
						});
						return null;
					});
				}
			}
		}
	}

	/** The editor kb_bench and the bot channel bot_bench, both of the root department, which is returned. */
	static org.minsheng.identity.DepartmentId benchUsers(org.springframework.context.ApplicationContext context) {
		var runAs = context.getBean(RunAs.class);
		var users = context.getBean(Users.class);
		var departments = context.getBean(Departments.class);
		var root = runAs.asUser("admin", () -> departments.visible().getFirst().id());
		runAs.asUser("admin", () -> users.create(new Users.NewUser("kb_bench", "知识库管理员", root,
				Set.of(Role.DEPARTMENT_ADMIN, Role.SUPERVISOR), "Kb-Bench-2026", false)));
		runAs.asUser("admin", () -> users.create(new Users.NewUser("bot_bench", "网站智能问答", root, Set.of(Role.BOT),
				"Bot-Bench-2026", true)));
		return root;
	}

	static void run(String db, int articles, int searches) throws Exception {
		try (var databases = new Databases()) {
			var args = new ArrayList<String>(List.of("--minsheng.knowledge.sync-interval=1h"));
			var extra = System.getProperty("bench.app-args", "").strip();
			if (!extra.isEmpty()) args.addAll(List.of(extra.split(";")));
			var context = databases.start(db, args.toArray(String[]::new));
			var runAs = context.getBean(RunAs.class);
			var knowledge = context.getBean(KnowledgeBase.class);
			var jdbc = context.getBean(JdbcTemplate.class);
			var root = benchUsers(context);
			var bot = context.getBean(FaqBot.class);

			var questions = retrieval(runAs, knowledge, root.value());
			calibration(runAs, bot, knowledge, questions);
			speed(runAs, knowledge, jdbc, root.value(), articles, searches);
			var asked = new int[1];
			runAs.asUser("bot_bench", () -> {
				WorkOrderLoad.measure("bot answer (" + articles + " articles; a hand-off registers an order)", 100,
						searches, () -> {
							var q = questions.get(asked[0]++ % questions.size());
							// a citizen who left a phone and agreed: a hand-off registers an order, as it did before
							var a = bot.ask(new FaqBot.Question(q[0], null, "WEB", null, null, BENCH_CITIZEN, true));
							return a.handoff() ? 0 : 1;
						});
				return null;
			});
		}
	}

	/**
	 * The bot on the same FAQ answers: for each question its confidence, whether it answered or
	 * handed off, and whether the answer was the right one, at several hand-off thresholds.
	 */
	static void calibration(RunAs runAs, FaqBot bot, KnowledgeBase knowledge, List<String[]> questions) {
		var answers = new HashMap<Long, String>();
		var results = new ArrayList<double[]>();
		var outcomes = new ArrayList<FaqBot.Answer>();
		runAs.asUser("bot_bench", () -> {
			for (var q : questions) {
				var a = bot.ask(new FaqBot.Question(q[0], null, "WEB", null, null, null));
				outcomes.add(a);
				results.add(new double[] { a.confidence(), a.articleId() == null ? -1 : a.articleId(), 0 });
				if (a.articleId() != null) {
					answers.putIfAbsent(a.articleId(), a.answer());
				}
			}
			return null;
		});
		outcomes(runAs, knowledge, questions, outcomes);
		// correctness: the article answered is the question's own (same answer text)
		int i = 0;
		var correct = new boolean[questions.size()];
		for (var q : questions) {
			var r = results.get(i);
			var text = r[1] < 0 ? null : answers.get((long) r[1]);
			var gold = q[2].replaceAll("\\s", "");
			correct[i] = text != null && text.replaceAll("\\s", "").contains(gold.substring(0, Math.min(20, gold.length())));
			i++;
		}
		for (double threshold : new double[] { 0.4, 0.5, 0.6, 0.7, 0.8 }) {
			int answered = 0;
			int right = 0;
			for (int k = 0; k < results.size(); k++) {
				if (results.get(k)[0] >= threshold) {
					answered++;
					if (correct[k]) {
						right++;
					}
				}
			}
			System.out.printf("bot on the FAQ answers, hand-off below %.1f: answers %.1f %% of questions, %.1f %% of"
					+ " those with the right article; hands off %.1f %%%n", threshold, 100.0 * answered / results.size(),
					answered == 0 ? 0 : 100.0 * right / answered, 100.0 * (results.size() - answered) / results.size());
		}
	}

	/**
	 * What each question met at the bot's own settings, every question a new conversation: answered
	 * with the right article or a wrong one, a clarifying question offering the right article or not,
	 * and referred to a person (no contact left, so no order). Wrong answers are the worst outcome.
	 */
	static void outcomes(RunAs runAs, KnowledgeBase knowledge, List<String[]> questions, List<FaqBot.Answer> outcomes) {
		int right = 0, wrong = 0, offeredRight = 0, offeredWrong = 0, referred = 0;
		var texts = new HashMap<Long, String>();
		for (int i = 0; i < questions.size(); i++) {
			var a = outcomes.get(i);
			var gold = questions.get(i)[2].replaceAll("\\s", "");
			var key = gold.substring(0, Math.min(20, gold.length()));
			switch (a.outcome()) {
				case ANSWERED -> {
					if (a.answer().replaceAll("\\s", "").contains(key)) right++;
					else wrong++;
				}
				case CLARIFYING -> {
					boolean offered = false;
					for (var alt : a.alternatives()) {
						var text = texts.computeIfAbsent(alt.articleId(), id -> runAs.asUser("bot_bench",
								() -> knowledge.answerText(new org.minsheng.knowledge.ArticleId(id)).orElse("")));
						if (text.replaceAll("\\s", "").contains(key)) offered = true;
					}
					if (offered) offeredRight++;
					else offeredWrong++;
				}
				default -> referred++;
			}
		}
		double n = questions.size();
		System.out.printf("bot outcomes on %d FAQ questions (each a new conversation): answered right %.1f %%, answered"
				+ " wrong %.1f %%, clarified offering the right article %.1f %%, clarified without it %.1f %%,"
				+ " referred to a person %.1f %%; resolved (right, or right offered) %.1f %%%n", questions.size(),
				100 * right / n, 100 * wrong / n, 100 * offeredRight / n, 100 * offeredWrong / n, 100 * referred / n,
				100 * (right + offeredRight) / n);
	}

	static List<String[]> retrieval(RunAs runAs, KnowledgeBase knowledge, long department) throws Exception {
		var rows = WorkOrderLoad.Csv.parse(Files.readString(FAQ, StandardCharsets.UTF_8));
		var header = rows.getFirst();
		int id = header.indexOf("data_id");
		int dept = header.indexOf("dept");
		int question = header.indexOf("question");
		int answer = header.indexOf("answer");
		var records = new ArrayList<ArticleRecord>();
		var questions = new ArrayList<String[]>();
		int n = 0;
		for (var r : rows.subList(1, rows.size())) {
			if (r.size() <= answer || r.get(answer).isBlank() || r.get(question).isBlank()) {
				continue;
			}
			n++;
			// the title names the department and a number: never the question
			// (as policy interpretations: an FAQ article would need its question phrasing, which is what is asked)
			records.add(new ArticleRecord("tpe-" + r.get(id), "POLICY", r.get(dept) + " 问答 " + n, r.get(answer),
					Long.toString(department), List.of(), List.of(), List.of(), null, null, null));
			questions.add(new String[] { r.get(question), "tpe-" + r.get(id), r.get(answer).strip() });
		}
		long t = System.nanoTime();
		var report = runAs.asUser("kb_bench", () -> knowledge.importArticles(records, true));
		System.out.printf("imported %d FAQ answers (published at once) in %.1f s: %d created, %d rejected%n",
				records.size(), (System.nanoTime() - t) / 1e9, report.created(), report.errors().size());
		// the same answer may stand under several questions: any article with the gold answer counts
		var answerOf = new HashMap<String, String>();
		for (var q : questions) {
			answerOf.put(q[1], q[2]);
		}
		// Recall@1, Recall@5, MRR and count, for the even and the odd questions apart (a setting chosen
		// on one half can be judged on the other)
		var f = new double[2][4];
		for (int i = 0; i < questions.size(); i++) {
			var q = questions.get(i);
			var hits = runAs.asUser("kb_bench", () -> knowledge.search(new SearchRequest(q[0], 10, null, null, null,
					null, "BENCH")));
			var half = f[i % 2];
			half[3]++;
			for (int rank = 0; rank < hits.size(); rank++) {
				if (q[2].equals(answerOf.get(hits.get(rank).externalId()))) {
					half[0] += rank == 0 ? 1 : 0;
					half[1] += rank < 5 ? 1 : 0;
					half[2] += 1.0 / (rank + 1);
					break;
				}
			}
		}
		int total = questions.size();
		System.out.printf("retrieval over %d Taipei FAQ questions (answers only indexed): Recall@1 %.3f, Recall@5 %.3f,"
				+ " MRR@10 %.3f%n", total, (f[0][0] + f[1][0]) / total, (f[0][1] + f[1][1]) / total,
				(f[0][2] + f[1][2]) / total);
		System.out.printf("  odd questions: Recall@1 %.3f, Recall@5 %.3f, MRR %.3f; even: Recall@1 %.3f, Recall@5 %.3f,"
				+ " MRR %.3f%n", f[1][0] / f[1][3], f[1][1] / f[1][3], f[1][2] / f[1][3], f[0][0] / f[0][3],
				f[0][1] / f[0][3], f[0][2] / f[0][3]);
		return questions;
	}

	static void speed(RunAs runAs, KnowledgeBase knowledge, JdbcTemplate jdbc, long department, int articles,
			int searches) throws Exception {
		var texts = WorkOrderLoad.texts();
		var guides = WorkOrderLoad.Csv.parse(Files.readString(GUIDES, StandardCharsets.UTF_8));
		var gh = guides.getFirst();
		int name = gh.indexOf("matter_name");
		int standard = gh.indexOf("accept_standard");
		int materials = gh.indexOf("material_intro");
		var bodies = new ArrayList<String[]>();
		for (var t : texts) {
			bodies.add(new String[] { t.title(), t.content() });
		}
		for (var g : guides.subList(1, guides.size())) {
			if (g.size() > materials) {
				bodies.add(new String[] { g.get(name), g.get(standard) + "\n" + g.get(materials) });
			}
		}
		var random = new Random(6);
		var now = OffsetDateTime.now();
		long started = System.nanoTime();
		var articleRows = new ArrayList<Object[]>();
		var versionRows = new ArrayList<Object[]>();
		long firstId = jdbc.queryForObject("select coalesce(max(id), 0) from kb_article", Long.class) + 1;
		var types = List.of("GUIDE", "POLICY", "FAQ", "NOTICE");
		for (int i = 0; i < articles; i++) {
			var a = bodies.get(i % bodies.size());
			var b = bodies.get(random.nextInt(bodies.size()));
			var body = (a[1] + "\n" + b[1]);
			if (body.length() > 3000) {
				body = body.substring(0, 3000);
			}
			long id = firstId + i;
			articleRows.add(new Object[] { id, "bench-" + i, types.get(i % types.size()), department, now, now });
			versionRows.add(new Object[] { id, a[0] + (i >= bodies.size() ? "（" + (i / bodies.size()) + "）" : ""),
					"<p>" + body.replace("&", "&amp;").replace("<", "&lt;") + "</p>", a[0], now });
			if (articleRows.size() == 2_000 || i == articles - 1) {
				jdbc.batchUpdate("insert into kb_article (id, external_id, type, department_id, state, published_version,"
						+ " created_by, created_at, updated_at) values (?, ?, ?, ?, 'PUBLISHED', 1, 'bench', ?, ?)",
						articleRows);
				jdbc.batchUpdate("insert into kb_article_version (article_id, version, title, body, questions, edited_by,"
						+ " edited_at, approved_by, approved_at) values (?, 1, ?, ?, ?, 'bench', ?, 'bench', current_timestamp)",
						versionRows);
				articleRows.clear();
				versionRows.clear();
			}
		}
		System.out.printf("wrote %d articles to the database in %.1f s%n", articles, (System.nanoTime() - started) / 1e9);
		for (int round = 0; round < 2; round++) {
			long t = System.nanoTime();
			int indexed = runAs.asUser("admin", knowledge::rebuildIndex);
			System.out.printf("index rebuilt from the database: %d articles in %.1f s%n", indexed,
					(System.nanoTime() - t) / 1e9);
		}
		var queries = new ArrayList<String>();
		for (int i = 0; i < searches; i++) {
			var t = texts.get(random.nextInt(texts.size()));
			queries.add(t.title());
		}
		var counter = new int[1];
		runAs.asUser("kb_bench", () -> {
			WorkOrderLoad.measure("search (" + articles + " articles, top 10 with snippets, as an agent, query logged)",
					200, searches, () -> knowledge.search(SearchRequest.of(queries.get(counter[0]++ % queries.size()), 10))
						.size());
			return null;
		});
	}
}
