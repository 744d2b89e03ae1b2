package org.minsheng.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The classifier's behaviour on a small hand-written set, independent of any data folder. */
class TextClassifierTest {

	static List<LabeledText> examples() {
		var out = new ArrayList<LabeledText>();
		for (var t : List.of("小区门口路灯坏了晚上很黑", "道路井盖缺失存在安全隐患", "小区绿化带被占用种菜", "楼道墙皮脱落需要维修",
				"市政供水管道破裂漏水", "人行道地砖松动绊倒老人")) {
			out.add(new LabeledText(t, "城乡建设"));
		}
		for (var t : List.of("公司拖欠工资三个月不发", "单位不给缴纳社保", "劳动合同到期不续签也不补偿", "工伤认定迟迟没有结果",
				"养老保险转移接续办不了", "失业金申领被拒绝")) {
			out.add(new LabeledText(t, "劳动和社会保障"));
		}
		for (var t : List.of("工厂夜间排放刺鼻废气", "河道里有人倾倒垃圾污水", "工地夜间施工噪音扰民", "餐馆油烟直排影响居民",
				"养殖场粪便污染水源", "焚烧秸秆烟雾很大")) {
			out.add(new LabeledText(t, "环境保护"));
		}
		return out;
	}

	@Test
	void countsEachCharacterAndPairOnceUnderItsOwnNameWhateverItsCode() {
		// 门 is U+95E8: its pairs' numbers are negative, and must not be read as single characters
		var names = TextFeatures.names("门口门口路灯");
		assertThat(names).doesNotHaveDuplicates().contains("w=门口", "w=路灯", "c=门", "c=口", "p=门口", "p=口门", "p=口路");
		var v = TextFeatures.of("门口门口路灯");
		assertThat(v.values()[java.util.Arrays.asList(v.names()).indexOf("p=门口")]).isEqualTo(1 + Math.log(2));
	}

	@Test
	void learnsLabelsFromExamplesAndAnswersWithAProbability() {
		var classifier = TextClassifier.train(examples());

		var salary = classifier.classify("老板拖欠我们工资不给");
		var noise = classifier.classify("半夜施工噪音太大睡不着");

		assertThat(salary.label()).isEqualTo("劳动和社会保障");
		assertThat(noise.label()).isEqualTo("环境保护");
		assertThat(salary.confidence()).isGreaterThan(salary.alternatives().get(0).confidence());
		assertThat(salary.alternatives()).extracting(Classification.Alternative::label)
			.containsExactlyInAnyOrder("城乡建设", "环境保护");
	}

	@Test
	void crossValidationHoldsEveryExampleOutOnceAndKeepsTheLabelsShares() {
		var figures = TextClassifier.crossValidate(examples(), 3, 7);

		assertThat(figures.examples()).isEqualTo(18);
		assertThat(figures.folds()).isEqualTo(3);
		assertThat(figures.f1ByLabel()).containsOnlyKeys("城乡建设", "劳动和社会保障", "环境保护");
		assertThat(figures.accuracy()).isBetween(0.0, 1.0);
		assertThat(figures.top3Accuracy()).isEqualTo(1.0);
	}

	@Test
	void aTextWithNoKnownWordStillGetsAnAnswer() {
		var c = TextClassifier.train(examples()).classify("zzz");

		assertThat(c.label()).isIn("城乡建设", "劳动和社会保障", "环境保护");
		assertThat(c.confidence()).isBetween(0.0, 1.0);
	}

	@Test
	void aSavedModelAnswersAlikeWhenLoaded() throws Exception {
		var classifier = TextClassifier.train(examples());
		var bytes = new java.io.ByteArrayOutputStream();
		classifier.save(bytes);

		var loaded = TextClassifier.load(new java.io.ByteArrayInputStream(bytes.toByteArray()));

		assertThat(loaded.classify("拖欠工资")).isEqualTo(classifier.classify("拖欠工资"));
		assertThat(loaded.labels()).containsExactlyInAnyOrder("城乡建设", "劳动和社会保障", "环境保护");
	}

	@Test
	void aTemperatureChangesHowSureTheModelIsButNeverItsOrderOfLabels() throws Exception {
		var classifier = TextClassifier.train(examples());
		for (var text : List.of("小区路灯坏了很久", "公司拖欠工资三个月", "河里有死鱼，工厂在排污", "路灯 工资 污水")) {
			var own = classifier.classify(text);
			var surer = classifier.calibrated(0.5).classify(text);
			var lessSure = classifier.calibrated(2).classify(text);
			assertThat(classifier.calibrated(1).classify(text)).as("a temperature of 1 is LibLinear's own").isEqualTo(own);
			for (var tempered : List.of(surer, lessSure)) {
				assertThat(tempered.label()).as(text).isEqualTo(own.label());
				assertThat(tempered.alternatives().stream().map(Classification.Alternative::label))
					.containsExactlyElementsOf(own.alternatives().stream().map(Classification.Alternative::label).toList());
				double sum = tempered.confidence()
						+ tempered.alternatives().stream().mapToDouble(Classification.Alternative::confidence).sum();
				assertThat(sum).as("three labels: the best and two alternatives are all").isCloseTo(1.0,
						org.assertj.core.api.Assertions.within(1e-9));
			}
			assertThat(surer.confidence()).as(text).isGreaterThan(own.confidence());
			assertThat(lessSure.confidence()).as(text).isLessThan(own.confidence());
		}
	}

	@Test
	void aCalibratedModelKeepsItsTemperatureWhenSavedAndRefusesANonsensicalOne() throws Exception {
		var classifier = TextClassifier.train(examples()).calibrated(0.7);
		var bytes = new java.io.ByteArrayOutputStream();
		classifier.save(bytes);

		var loaded = TextClassifier.load(new java.io.ByteArrayInputStream(bytes.toByteArray()));

		assertThat(loaded.temperature()).isEqualTo(0.7);
		assertThat(loaded.classify("拖欠工资")).isEqualTo(classifier.classify("拖欠工资"));
		for (double bad : new double[] { 0, -1, Double.NaN, Double.POSITIVE_INFINITY }) {
			assertThatThrownBy(() -> classifier.calibrated(bad)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("temperature");
		}
	}

	@Test
	void aModelFileWrittenBeforeTemperaturesAnswersWithLibLinearsOwnProbabilities() throws Exception {
		// written by b042fb9 (session 7's last commit) from these examples
		TextClassifier old;
		try (var in = TextClassifierTest.class.getResourceAsStream("/models/before-temperature.model")) {
			old = TextClassifier.load(in);
		}

		assertThat(old.temperature()).isZero();
		for (var text : List.of("公司拖欠工资三个月", "小区路灯坏了很久")) {
			var reference = old.classifyThroughTribuo(text);
			assertThat(old.classify(text).label()).isEqualTo(reference.label());
			assertThat(old.classify(text).confidence()).as("Tribuo's own probability").isCloseTo(reference.confidence(),
					org.assertj.core.api.Assertions.within(1e-9));
		}
	}

	@Test
	void aFewHeldOutPredictionsLeaveLibLinearsProbabilitiesAsTheyAre() {
		var figures = TextClassifier.crossValidate(examples(), 3, 7);

		var calibration = figures.calibration();
		assertThat(calibration.temperature()).as("18 predictions are too few to fit on").isEqualTo(1.0);
		assertThat(calibration.error()).isBetween(0.0, 1.0);
		assertThat(calibration.errorBefore()).isBetween(0.0, 1.0);
		assertThat(calibration.bins().stream().mapToInt(Figures.Calibration.Bin::count).sum()).isEqualTo(18);
		for (var bin : calibration.bins()) {
			assertThat(bin.confidence()).isBetween(bin.from(), bin.to());
			assertThat(bin.accuracy()).isBetween(0.0, 1.0);
		}
	}

	/** The examples twelve times over, each copy worded a little differently: 216, enough to fit a temperature on. */
	static List<LabeledText> manyExamples() {
		var many = new ArrayList<LabeledText>();
		for (int copy = 0; copy < 12; copy++) {
			for (var e : examples()) {
				many.add(new LabeledText(e.text() + "，第" + copy + "次反映", e.label()));
			}
		}
		return many;
	}

	@Test
	void enoughHeldOutPredictionsFitATemperatureWithinItsBounds() {
		var many = manyExamples();

		var calibration = TextClassifier.crossValidate(many, 5, 7).calibration();

		assertThat(many).hasSizeGreaterThanOrEqualTo(TemperatureCalibration.MINIMUM);
		assertThat(calibration.temperature()).isBetween(TemperatureCalibration.COLDEST, TemperatureCalibration.HOTTEST);
		assertThat(calibration.logLoss()).as("fitted on other folds, it does not make the truth much less likely")
			.isLessThanOrEqualTo(calibration.logLossBefore() + 0.05);
	}

	@Test
	void trainingWithFiguresGivesTheFiguresOfCrossValidationAndTheModelOfAllExamplesTempered() {
		var many = manyExamples();

		var validated = TextClassifier.trainAndValidate(many, 5, 7, TextClassifier.DEFAULT_COST);

		assertThat(validated.figures()).as("the folds side by side give what they give one after another")
			.isEqualTo(TextClassifier.crossValidate(many, 5, 7, TextClassifier.DEFAULT_COST));
		assertThat(validated.classifier().temperature()).isEqualTo(validated.figures().calibration().temperature());
		var own = TextClassifier.train(many).calibrated(validated.classifier().temperature());
		assertThat(validated.classifier().classify("路灯坏了，晚上很黑")).isEqualTo(own.classify("路灯坏了，晚上很黑"));
		assertThat(validated.classifier().uncalibrated().temperature()).isZero();
	}

	@Test
	void needsAtLeastTwoLabels() {
		assertThatThrownBy(() -> TextClassifier.train(List.of(new LabeledText("路灯坏了", "城乡建设"))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("two labels");
	}

	@Test
	void theFastPathGivesTribuosOwnProbabilities() throws Exception {
		var classifier = TextClassifier.train(examples());
		for (var text : List.of("小区路灯坏了很久", "公司拖欠工资三个月", "河里有死鱼，工厂在排污", "完全没见过的字词组合", "", "路灯 工资 污水")) {
			var fast = classifier.classify(text);
			var reference = classifier.classifyThroughTribuo(text);
			assertThat(fast.label()).as(text).isEqualTo(reference.label());
			assertThat(fast.confidence()).as(text).isCloseTo(reference.confidence(), org.assertj.core.api.Assertions.within(1e-9));
			assertThat(fast.alternatives()).as(text).hasSameSizeAs(reference.alternatives());
			for (int i = 0; i < fast.alternatives().size(); i++) {
				assertThat(fast.alternatives().get(i).label()).isEqualTo(reference.alternatives().get(i).label());
				assertThat(fast.alternatives().get(i).confidence())
					.isCloseTo(reference.alternatives().get(i).confidence(), org.assertj.core.api.Assertions.within(1e-9));
			}
		}
	}

	@Test
	void aModelFileOfFormatOneWrittenBeforeTheVersionedFormatStillAnswersAsItDid() throws Exception {
		// written by 345a603 (Java serialization of the Tribuo model) from these examples, calibrated(0.7)
		TextClassifier old;
		try (var in = TextClassifierTest.class.getResourceAsStream("/models/format-1-calibrated.model")) {
			old = TextClassifier.load(in);
		}
		var fresh = TextClassifier.train(examples()).calibrated(0.7);

		assertThat(old.temperature()).isEqualTo(0.7);
		assertThat(old.current()).isTrue();
		for (var text : List.of("公司拖欠工资三个月", "小区路灯坏了很久", "河里有死鱼")) {
			assertThat(old.classify(text)).as(text).isEqualTo(fresh.classify(text));
		}

		// and, saved again, it is a file of format 2 that answers the same
		var bytes = new java.io.ByteArrayOutputStream();
		old.save(bytes);
		var again = TextClassifier.load(new java.io.ByteArrayInputStream(bytes.toByteArray()));
		assertThat(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())).readNBytes(8))
			.as("the magic and the format").containsExactly('M', 'S', 'T', 'C', 0, 0, 0, ModelFile.FORMAT);
		assertThat(again.classify("公司拖欠工资三个月")).isEqualTo(old.classify("公司拖欠工资三个月"));
	}

	@Test
	void aFileThatIsNotAModelIsRefusedWithAnError() {
		for (var bytes : List.of(new byte[0], "not a model".getBytes(), new byte[] { 0x1f, (byte) 0x8b, 8, 0 })) {
			assertThatThrownBy(() -> TextClassifier.load(new java.io.ByteArrayInputStream(bytes)))
				.isInstanceOf(java.io.IOException.class);
		}
	}

	@Test
	void aModelKnowsWhetherItReadsTextsTheCurrentWay() throws Exception {
		var classifier = TextClassifier.train(examples());
		var bytes = new java.io.ByteArrayOutputStream();
		classifier.save(bytes);
		var loaded = TextClassifier.load(new java.io.ByteArrayInputStream(bytes.toByteArray()));
		assertThat(loaded.current()).isTrue();

		// a model written before the reading was recorded has no version: it is stale
		var field = TextClassifier.class.getDeclaredField("reading");
		field.setAccessible(true);
		field.set(loaded, null);
		assertThat(loaded.current()).isFalse();
		assertThat(loaded.classify("小区路灯坏了").label()).as("a stale model still answers").isNotBlank();
	}
}
