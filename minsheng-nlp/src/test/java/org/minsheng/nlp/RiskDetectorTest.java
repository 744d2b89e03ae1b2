package org.minsheng.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;

import org.junit.jupiter.api.Test;

class RiskDetectorTest {

	final RiskDetector detector = RiskDetector.defaults();

	@Test
	void flagsSelfHarmButNotHappyHyperbole() {
		assertThat(detector.detect("工资拖欠半年了，我实在活不下去了")).extracting(RiskFlag::kind).containsExactly(RiskKind.SELF_HARM);
		assertThat(detector.detect("好久没回老家了，想死你们了！")).isEmpty();
		assertThat(detector.detect("哈哈，笑死我了")).isEmpty();
	}

	@Test
	void oneFlagPerKindWithItsEvidence() {
		var flags = detector.detect("再不给钱我就从楼上跳下去，还要找电视台曝光你们");
		assertThat(flags).extracting(RiskFlag::kind).containsExactly(RiskKind.SELF_HARM, RiskKind.MEDIA_EXPOSURE);
		assertThat(flags.get(1).evidence()).isIn("曝光", "电视台");
	}

	@Test
	void foldsFullWidthAndSpacesSoTheyDoNotHideWords() {
		assertThat(detector.detect("我想 自 杀")).extracting(RiskFlag::kind).containsExactly(RiskKind.SELF_HARM);
	}

	@Test
	void readsPoliciesAndNamesTheLineOfAMistake() throws Exception {
		var policies = RiskDetector.parse(new StringReader("""
				[测试] VIOLENCE
				terms: 砍人
				pattern: 打.{0,2}死
				except: 打死我也
				"""));
		assertThat(policies).singleElement().extracting(RiskPolicy::name).isEqualTo("测试");
		assertThatThrownBy(() -> RiskDetector.parse(new StringReader("[x] WEATHER\nterms: 雨\n")))
			.hasMessageContaining("line 1").hasMessageContaining("WEATHER");
		assertThatThrownBy(() -> RiskDetector.parse(new StringReader("[x] VIOLENCE\npattern: ([\n")))
			.hasMessageContaining("Not a valid pattern");
	}

	/**
	 * The figure of issue 5: precision and recall on 212 hand-written sentences (110 risky across
	 * five kinds, 102 hard negatives: hyperbole, questions about the topic, news). The policies were
	 * written alongside the sentences, so this shows the rules do what they say, not how they fare on
	 * callers they have not seen.
	 */
	@Test
	void precisionAndRecallOnTheHandWrittenSentences() throws Exception {
		var figures = figures("/org/minsheng/nlp/risk-sentences.csv");
		assertThat(figures[1]).as("no risk may be lost").isGreaterThanOrEqualTo(0.95);
		assertThat(figures[0]).isGreaterThanOrEqualTo(0.90);
	}

	/** The first held-out file (40 sentences), seen since session 5 and used to widen the rules. */
	@Test
	void precisionAndRecallOnTheFirstHeldOutSentencesNowUsedForTheRules() throws Exception {
		var figures = figures("/org/minsheng/nlp/risk-heldout.csv");
		assertThat(figures[1]).as("no risk may be lost").isGreaterThanOrEqualTo(0.9);
		assertThat(figures[0]).isGreaterThanOrEqualTo(0.85);
	}

	/**
	 * 100 sentences (50 risky, 50 hard negatives) written before the rules were widened in session
	 * 6 and not used to change them: the fairer figure, printed for docs/benchmarks.md. The rules
	 * of session 5 scored precision 0.909, recall 0.200 on it. The same people wrote the file and
	 * the rules, so even this figure flatters them; a center should judge with its own calls.
	 */
	@Test
	void reportsFiguresOnSentencesTheRulesWereNotWrittenFor() throws Exception {
		var figures = figures("/org/minsheng/nlp/risk-heldout-2.csv");
		assertThat(figures[0] + figures[1]).as("both figures computed").isGreaterThan(0);
	}

	/**
	 * 60 sentences (30 risky, six per kind, and 30 hard negatives) written after the session-6 rules
	 * were frozen and never used to change them: the honest figure for docs/benchmarks.md.
	 */
	@Test
	void reportsFiguresOnSentencesWrittenAfterTheRulesWereFrozen() throws Exception {
		var figures = figures("/risk-heldout-3.csv");
		assertThat(figures[0] + figures[1]).as("both figures computed").isGreaterThan(0);
	}

	/**
	 * Rules and the shipped model together on the third file, which neither learned from: the
	 * model catches phrasings the lexicon has no word for. (While choosing the model, its grid was
	 * also printed once on this file; the choice itself came from cross-validation on the shipped
	 * sentences.)
	 */
	@Test
	void theRulesAndTheModelTogetherCatchWhatTheRulesAloneMiss() throws Exception {
		var rules = figures("/risk-heldout-3.csv");
		var model = RiskModel.shipped(RiskModel.DEFAULT_THRESHOLD);
		var both = figures("/risk-heldout-3.csv", text -> {
			var flags = new ArrayList<>(detector.detect(text));
			model.detect(text).filter(f -> flags.stream().noneMatch(r -> r.kind() == f.kind())).ifPresent(flags::add);
			return flags;
		});
		// measured 2026-11-24: rules alone precision 0.867, recall 0.433; with the model 0.923 and 0.800
		assertThat(both[1]).as("recall with the model").isGreaterThan(rules[1]);
		assertThat(both[1]).isGreaterThanOrEqualTo(0.75);
		assertThat(both[0]).isGreaterThanOrEqualTo(0.85);
	}

	/**
	 * The fourth file, 80 sentences (40 risky, twelve of them self-harm, and 40 hard negatives)
	 * written in session 7 before anything was changed, and measured once, blind, with the rules and
	 * the model as they were. It is not used to change either.
	 */
	@Test
	void reportsRulesAndModelOnAFourthFileWrittenBlind() throws Exception {
		var model = RiskModel.shipped(RiskModel.DEFAULT_THRESHOLD);
		var rules = figures("/risk-heldout-4.csv");
		var both = figures("/risk-heldout-4.csv", text -> {
			var flags = new ArrayList<>(detector.detect(text));
			model.detect(text).filter(f -> flags.stream().noneMatch(r -> r.kind() == f.kind())).ifPresent(flags::add);
			return flags;
		});
		// measured blind 2026-11-24: rules alone precision 0.800, recall 0.600 (self-harm 2 of 12);
		// with the model 0.860 and 0.925 (self-harm 9 of 12)
		assertThat(both[1]).as("recall with the model").isGreaterThan(rules[1]);
		assertThat(both[1]).isGreaterThanOrEqualTo(0.9);
		assertThat(both[0]).isGreaterThanOrEqualTo(0.8);
	}

	@Test
	void theModelFlagsANewPhrasingWithItsKindAndLeavesHyperboleAlone() {
		var model = RiskModel.shipped(RiskModel.DEFAULT_THRESHOLD);
		assertThat(detector.detect("我把遗书写好放在桌上了，你们以后不用再找我")).extracting(RiskFlag::kind).contains(RiskKind.SELF_HARM);
		var flag = model.detect("我不想再拖累家里人了，今晚就走，以后你们不用找我");
		assertThat(detector.detect("我不想再拖累家里人了，今晚就走，以后你们不用找我")).as("no policy has a word for it").isEmpty();
		assertThat(flag).isPresent();
		assertThat(flag.get().kind()).isEqualTo(RiskKind.SELF_HARM);
		assertThat(flag.get().policy()).isEqualTo(RiskModel.POLICY);
		assertThat(model.detect("办事效率太高了，想死你们了，谢谢！")).isEmpty();
	}

	/** Precision and recall (any risk vs none) over a labelled file; prints the misses. */
	double[] figures(String resource) throws Exception {
		return figures(resource, detector::detect);
	}

	double[] figures(String resource, java.util.function.Function<String, List<RiskFlag>> detect) throws Exception {
		var rows = new ArrayList<String[]>();
		try (var in = new BufferedReader(new InputStreamReader(getClass().getResourceAsStream(resource), StandardCharsets.UTF_8))) {
			in.readLine();
			for (String line; (line = in.readLine()) != null;) {
				int comma = line.indexOf(',');
				rows.add(new String[] { line.substring(0, comma), line.substring(comma + 1) });
			}
		}
		int tp = 0, fp = 0, fn = 0, tn = 0, rightKind = 0;
		var misses = new ArrayList<String>();
		var perKind = new EnumMap<RiskKind, int[]>(RiskKind.class);
		for (var row : rows) {
			boolean risky = !row[0].equals("NONE");
			List<RiskFlag> flags = detect.apply(row[1]);
			if (risky && !flags.isEmpty()) {
				tp++;
				var kind = RiskKind.valueOf(row[0]);
				boolean same = flags.stream().anyMatch(f -> f.kind() == kind);
				if (same) rightKind++;
				perKind.computeIfAbsent(kind, k -> new int[2])[0] += same ? 1 : 0;
			}
			else if (risky) {
				fn++;
				misses.add("missed " + row[0] + ": " + row[1]);
			}
			else if (!flags.isEmpty()) {
				fp++;
				misses.add("false " + flags + ": " + row[1]);
			}
			else tn++;
			if (risky) perKind.computeIfAbsent(RiskKind.valueOf(row[0]), k -> new int[2])[1]++;
		}
		double precision = tp / (double) (tp + fp);
		double recall = tp / (double) (tp + fn);
		System.out.printf("risk %s: %d sentences, precision %.3f, recall %.3f, right kind %d of %d; per kind %s%n", resource, rows.size(),
				precision, recall, rightKind, tp, perKind.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()[0] + "/" + e.getValue()[1]).toList());
		misses.forEach(System.out::println);
		return new double[] { precision, recall };
	}
}
