package org.minsheng.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextSignatureTest {

	@Test
	void theSameRequestRetoldScoresHighAndAnotherRequestLow() {
		var first = TextSignature.of("南山区粤海街道科苑路的路灯坏了一个星期，晚上很黑，请尽快维修。");
		var retold = TextSignature.of("粤海街道科苑路路灯坏了一个星期了，晚上很黑，希望尽快维修！");
		var other = TextSignature.of("福田区梅林一村小区楼下餐馆油烟噪音扰民，请环保部门查处。");
		assertThat(TextSignature.similarity(first, first)).isEqualTo(1.0);
		assertThat(TextSignature.similarity(first, retold)).as("above the 0.4 the center flags at").isGreaterThan(0.4);
		assertThat(TextSignature.similarity(first, other)).isLessThan(0.15);
	}

	@Test
	void survivesTheDatabaseColumn() {
		var s = TextSignature.of("小区门口井盖缺失");
		assertThat(TextSignature.decode(TextSignature.encode(s))).isEqualTo(s);
		assertThat(TextSignature.encode(s)).hasSize(512);
	}

	@Test
	void aRetoldRequestSharesABandAndAnotherRequestDoesNot() {
		var first = TextSignature.bandKeys(TextSignature.of("南山区粤海街道科苑路的路灯坏了一个星期，晚上很黑，请尽快维修。"));
		var retold = TextSignature.bandKeys(TextSignature.of("粤海街道科苑路路灯坏了一个星期了，晚上很黑，希望尽快维修！"));
		var other = TextSignature.bandKeys(TextSignature.of("福田区梅林一村小区楼下餐馆油烟噪音扰民，请环保部门查处。"));
		assertThat(first).hasSize(32);
		assertThat(java.util.Arrays.stream(retold).filter(k -> java.util.Arrays.stream(first).anyMatch(f -> f == k)).count())
			.isPositive();
		assertThat(java.util.Arrays.stream(other).filter(k -> java.util.Arrays.stream(first).anyMatch(f -> f == k)).count())
			.isZero();
		assertThat(TextSignature.bandKeys(TextSignature.of(""))).isEmpty();
	}

	/**
	 * The band index against the comparison it replaces, on 2,000 real citizen messages and a retold
	 * copy of each (every tenth character dropped): every pair the comparison flags at 0.4 is found
	 * through a shared band, and unrelated messages share a band rarely.
	 */
	@Test
	void theBandsFindWhatTheComparisonFlagsAndFewOthers() throws java.io.IOException {
		var rows = SharedData.csv("gov-messages/messages_with_official_replies.csv");
		var texts = rows.stream().map(r -> r.get("title") + "。" + r.get("detail"))
			.filter(t -> t.length() > 30).limit(2_000).toList();
		var random = new java.util.SplittableRandom(7);
		int flagged = 0;
		int found = 0;
		for (var t : texts) {
			var retold = new StringBuilder();
			for (int i = 0; i < t.length(); i++) if (i % 10 != 9) retold.append(t.charAt(i));
			var a = TextSignature.of(t);
			var b = TextSignature.of(retold.toString());
			if (TextSignature.similarity(a, b) >= 0.4) {
				flagged++;
				if (shareABand(a, b)) found++;
			}
		}
		int unrelatedShared = 0;
		int pairs = 20_000;
		for (int i = 0; i < pairs; i++) {
			var a = TextSignature.of(texts.get(random.nextInt(texts.size())));
			var b = TextSignature.of(texts.get(random.nextInt(texts.size())));
			if (a != b && shareABand(a, b)) unrelatedShared++;
		}
		System.out.printf("band index: %d of %d retold pairs flagged at 0.4 share a band; %d of %d random pairs share one%n",
				found, flagged, unrelatedShared, pairs);
		assertThat(flagged).isGreaterThan(1_500);
		assertThat(found).isEqualTo(flagged);
		assertThat(unrelatedShared).isLessThan(pairs / 50);
	}

	private static boolean shareABand(int[] a, int[] b) {
		var keys = java.util.Arrays.stream(TextSignature.bandKeys(a)).boxed().collect(java.util.stream.Collectors.toSet());
		return java.util.Arrays.stream(TextSignature.bandKeys(b)).anyMatch(keys::contains);
	}
	@Test
	void keepsLettersAndDigitsExactlyAsTheUnicodePropertiesSay() {
		var texts = java.util.List.of("南山区 南头街道，路灯不亮！！", "Ⅻ号楼②单元 3楼", "电话：138-1234-5678（白天）",
				"𠀀𠀁 surrogate 字符", "ǅ titlecase ʰ modifier ½ other number", "   ", "");
		for (var t : texts) {
			assertThat(TextSignature.lettersAndDigits(t)).as(t).isEqualTo(t.replaceAll("[^\\p{L}\\p{N}]+", ""));
		}
	}
}
