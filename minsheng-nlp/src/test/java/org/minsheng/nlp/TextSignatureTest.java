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
}
