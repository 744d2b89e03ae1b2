package org.minsheng.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.minsheng.identity.Departments;
import org.minsheng.identity.Role;
import org.minsheng.identity.RunAs;
import org.minsheng.identity.Users;
import org.minsheng.nlp.LabeledText;
import org.minsheng.nlp.TextClassifier;
import org.minsheng.understanding.Understanding;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Text intelligence speed, as the issue asks: the whole analysis of a 500-character request
 * (category, department and emotion models active; risks, region, keywords, summary, near-duplicate
 * look-up) through the service, one at a time (p50/p99) and as a batch on one thread (texts/s); and
 * training the linear model on 10,000 real texts, alone and with its 5-fold figures. Reads the
 * public sets in ../shared/data (research data, never shipped).
 */
final class UnderstandingLoad {

	static final Path DATA = Path.of("../shared/data");

	private UnderstandingLoad() {
	}

	static void run(String db, int calls) throws Exception {
		var messages = rows(DATA.resolve("gov-messages/labeled-dev.csv"));
		var more = new ArrayList<Map<String, String>>();
		more.addAll(rows(DATA.resolve("gov-messages/messages_with_official_replies.csv")));
		more.addAll(rows(DATA.resolve("gov-messages/messages_unlabeled_with_votes.csv")));
		var faq = rows(DATA.resolve("gov-faq-tw/faq-dev.csv"));
		var weibo = new ArrayList<JsonNode>();
		for (var f : List.of("usual_eval_labeled.json", "virus_eval_labeled.json")) {
			JsonMapper.builder().build().readTree(DATA.resolve("emotion/" + f).toFile()).forEach(weibo::add);
		}
		training(messages, more, faq, weibo);
		modelsOnly(messages, more, faq, weibo);
		try (var databases = new Databases()) {
			var context = databases.start(db);
			var runAs = context.getBean(RunAs.class);
			var users = context.getBean(Users.class);
			var departments = context.getBean(Departments.class);
			var root = runAs.asUser("admin", () -> departments.visible().getFirst().id());
			runAs.asUser("admin", () -> users.create(new Users.NewUser("nlp_bench", "文本模型管理员", root,
					Set.of(Role.SUPERVISOR), "Nlp-Bench-2026", false)));
			var understanding = context.getBean(Understanding.class);
			var csv = new StringBuilder("id,title,detail,category,department,emotion\n");
			for (var m : messages) {
				csv.append(row(m.get("id"), m.get("title"), m.get("detail"), m.get("label"), "", ""));
			}
			for (var q : faq) {
				csv.append(row(q.get("data_id"), q.get("question"), "", "", q.get("dept"), ""));
			}
			for (var w : weibo) {
				csv.append(row("w" + w.get("id").asString(), w.get("content").asString(), "", "", "", w.get("label").asString()));
			}
			runAs.asUser("nlp_bench", () -> {
				var imported = understanding.importExamples(csv.toString());
				System.out.printf("imported %d examples, %d refused%n", imported.imported(), imported.errors().size());
				for (var kind : List.of("category", "department", "emotion")) {
					long t = System.nanoTime();
					var v = understanding.train(kind);
					System.out.printf("POST /api/nlp/models/train?kind=%s: %d examples, 5-fold macro-F1 %.3f, accuracy %.3f,"
							+ " top-3 %.3f, %.1f s with the figures%n", kind, v.examples(), v.macroF1(), v.accuracy(),
							v.top3Accuracy(), (System.nanoTime() - t) / 1e9);
				}
				return null;
			});
			// the board anonymised its places (A市, A3区): named again as the province capital's districts they
			// stand for, so the texts resolve to a district and the near-duplicate look-up really runs
			var texts = new ArrayList<String[]>();
			for (var m : more) {
				var d = m.get("detail");
				if (d != null && d.length() >= 500) texts.add(new String[] { placed(m.get("title")), placed(d.substring(0, 500)) });
			}
			System.out.printf("%d texts of 500 characters (message details cut to 500)%n", texts.size());
			// open orders to compare with: the other messages, registered through the work-order service
			var orders = context.getBean(org.minsheng.workorder.WorkOrders.class);
			var whereabouts = new int[2];
			runAs.asUser("nlp_bench", () -> {
				int registered = 0;
				for (var m : messages) {
					var title = placed(m.get("title"));
					var detail = placed(m.get("detail"));
					if (detail == null || detail.isBlank() || registered >= 600) continue;
					var region = understanding.analyze(title, detail).region();
					var code = region != null && region.code().length() == 9 ? region.code() : null;
					orders.register(new org.minsheng.workorder.WorkOrders.NewWorkOrder(org.minsheng.workorder.Channel.WEB,
							org.minsheng.workorder.RequestType.COMPLAINT, null, org.minsheng.workorder.Urgency.NORMAL,
							title.length() > 200 ? title.substring(0, 200) : title, detail.length() > 4000 ? detail.substring(0, 4000) : detail,
							null, null, null, true, false, null, code, null, null, null, null, List.of(), null));
					registered++;
				}
				for (var t : texts) {
					var a = understanding.analyze(t[0], t[1]);
					if (a.region() != null && a.region().code().length() >= 6) whereabouts[0]++;
					if (!a.duplicates().isEmpty()) whereabouts[1]++;
				}
				System.out.printf("%d open orders registered; of the %d texts %d resolve to a district or below,"
						+ " %d have a suspected duplicate among the open orders%n", registered, texts.size(), whereabouts[0],
						whereabouts[1]);
				return null;
			});
			runAs.asUser("nlp_bench", () -> {
				var i = new int[1];
				WorkOrderLoad.measure("analyze, 500 characters, one at a time", 500, calls, () -> {
					var t = texts.get(i[0]++ % texts.size());
					var a = understanding.analyze(t[0], t[1]);
					return a.category() != null && a.department() != null && a.emotion() != null ? 1 : 0;
				});
				// the batch path (POST /api/nlp/analyze/batch): 1,000 requests a call, warmed up by one pass first
				var requests = new ArrayList<Understanding.Request>();
				for (var t : texts) requests.add(new Understanding.Request(t[0], t[1]));
				for (int k = 0; k < requests.size(); k += 1_000) {
					understanding.analyzeAll(requests.subList(k, Math.min(requests.size(), k + 1_000)));
				}
				int batch = 0;
				long start = System.nanoTime();
				while (batch < 10_000) {
					for (int k = 0; k < requests.size(); k += 1_000) {
						var part = requests.subList(k, Math.min(requests.size(), k + 1_000));
						batch += understanding.analyzeAll(part).size();
					}
				}
				double seconds = (System.nanoTime() - start) / 1e9;
				System.out.printf("analyze batch on one thread (analyzeAll, 1,000 a call): %d texts in %.1f s = %.0f texts/s%n",
						batch, seconds, batch / seconds);
				start = System.nanoTime();
				for (int k = 0; k < 2_000; k++) {
					var t = texts.get(k % texts.size());
					understanding.analyze(t[0], t[1]);
				}
				seconds = (System.nanoTime() - start) / 1e9;
				System.out.printf("analyze one at a time on one thread, for comparison: 2000 texts in %.1f s = %.0f texts/s%n",
						seconds, 2_000 / seconds);
				return null;
			});
		}
	}

	/**
	 * Training on 10,000 real texts: the 826 labelled messages and, for the other messages, FAQ
	 * questions and posts, the label a model of the 826 gives them (the time depends on the texts and
	 * the number of labels, not on whether a person chose them).
	 */
	static void training(List<Map<String, String>> messages, List<Map<String, String>> more,
			List<Map<String, String>> faq, List<JsonNode> weibo) {
		var labelled = new ArrayList<LabeledText>();
		messages.forEach(m -> labelled.add(new LabeledText(m.get("title") + "\n" + m.get("detail"), m.get("label"))));
		var seed = TextClassifier.train(labelled);
		var texts = new ArrayList<String>();
		more.forEach(m -> texts.add(m.get("title") + "\n" + m.get("detail")));
		faq.forEach(q -> texts.add(q.get("question")));
		weibo.forEach(w -> texts.add(w.get("content").asString()));
		var examples = new ArrayList<>(labelled);
		for (int i = 0; examples.size() < 10_000 && i < texts.size(); i++) {
			examples.add(new LabeledText(texts.get(i), seed.classify(texts.get(i)).label()));
		}
		double chars = examples.stream().mapToInt(e -> e.text().length()).average().orElse(0);
		long t = System.nanoTime();
		TextClassifier.train(examples);
		double train = (System.nanoTime() - t) / 1e9;
		t = System.nanoTime();
		var figures = TextClassifier.crossValidate(examples, 5, 2026);
		double cv = (System.nanoTime() - t) / 1e9;
		System.out.printf("training on %d examples (%.0f characters each on average, 7 labels): %.1f s;"
				+ " 5-fold cross-validation (5 more trainings) %.1f s (macro-F1 %.3f against the seed model's labels)%n",
				examples.size(), chars, train, cv, figures.macroF1());
		t = System.nanoTime();
		var validated = TextClassifier.trainAndValidate(examples, 5, 2026, TextClassifier.DEFAULT_COST);
		System.out.printf("training with the 5-fold figures and the temperature, as POST /api/nlp/models/train does"
				+ " (the six trainings side by side on %d processors): %.1f s (temperature %.3f)%n",
				Runtime.getRuntime().availableProcessors(), (System.nanoTime() - t) / 1e9,
				validated.classifier().temperature());
	}

	/**
	 * The three models alone on one thread (the text read once, then category, department and
	 * emotion), without risks, region, keywords, summary and the service around them: what a bulk
	 * re-classification of old orders costs.
	 */
	static void modelsOnly(List<Map<String, String>> messages, List<Map<String, String>> more,
			List<Map<String, String>> faq, List<JsonNode> weibo) {
		var category = TextClassifier.train(messages.stream()
			.map(m -> new LabeledText(m.get("title") + "\n" + m.get("detail"), m.get("label"))).toList());
		var department = TextClassifier.train(faq.stream().map(q -> new LabeledText(q.get("question"), q.get("dept"))).toList());
		var emotion = TextClassifier.train(weibo.stream()
			.map(w -> new LabeledText(w.get("content").asString(), w.get("label").asString())).toList());
		var texts = more.stream().map(m -> m.get("detail")).filter(d -> d != null && d.length() >= 500)
			.map(d -> d.substring(0, 500)).toList();
		for (int round = 0; round < 2; round++) { // the first round warms up
			long start = System.nanoTime();
			int n = 5_000;
			for (int k = 0; k < n; k++) {
				var features = org.minsheng.nlp.TextFeatures.of(texts.get(k % texts.size()));
				category.classify(features);
				department.classify(features);
				emotion.classify(features);
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			if (round == 1) {
				System.out.printf("three models on one thread, 500 characters: %d texts in %.1f s = %.0f texts/s%n", n,
						seconds, n / seconds);
			}
		}
	}

	/** The 长沙 districts the board's A1…A9区 stand for (the board is 西地省 = 湖南, A市 = 长沙市). */
	private static final List<String> DISTRICTS = List.of("芙蓉区", "天心区", "岳麓区", "开福区", "雨花区", "望城区", "长沙县",
			"浏阳市", "宁乡市");

	static String placed(String text) {
		if (text == null) return null;
		var out = text;
		for (int i = DISTRICTS.size(); i >= 1; i--) out = out.replace("A" + i + "区", DISTRICTS.get(i - 1));
		return out.replace("A市", "长沙市").replace("西地省", "湖南省");
	}

	private static String row(String... cells) {
		var out = new StringBuilder();
		for (int i = 0; i < cells.length; i++) {
			if (i > 0) out.append(',');
			var c = cells[i] == null ? "" : cells[i].replace("\r", " ").replace("\n", " ");
			out.append('"').append(c.replace("\"", "\"\"")).append('"');
		}
		return out.append('\n').toString();
	}

	static List<Map<String, String>> rows(Path file) throws Exception {
		try (var it = new CsvMapper().readerForMapOf(String.class)
			.with(CsvSchema.emptySchema().withHeader())
			.<Map<String, String>>readValues(Files.newBufferedReader(file))) {
			return it.readAll();
		}
	}
}
