package org.minsheng.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DigestTest {

	static final String LONG = "尊敬的领导您好！我是南山区粤海街道科苑路附近的居民，小区门口的路灯已经坏了一个多星期，晚上路面非常黑，"
			+ "老人和小孩出行很不安全，前几天还有人在路灯下摔倒了。我们多次向物业反映路灯不亮的情况，物业说路灯归市政管，"
			+ "希望有关部门尽快派人维修路灯，谢谢！";

	@Test
	void keywordsSayWhatTheRequestIsAboutWithoutFiller() {
		var words = Digest.keywords(LONG, 5);
		assertThat(words).hasSizeLessThanOrEqualTo(5).contains("路灯");
		assertThat(words).doesNotContain("希望", "谢谢", "部门", "您好");
	}

	@Test
	void summaryIsOneSentenceWithoutTheGreetingShortEnoughForATitle() {
		var summary = Digest.summary(LONG, 40);
		assertThat(summary).isNotBlank().hasSizeLessThanOrEqualTo(40).doesNotStartWith("尊敬").doesNotStartWith("您好");
		assertThat(summary).containsAnyOf("路灯", "维修");
		assertThat(Digest.summary("路灯坏了", 40)).as("a short text is its own title").isNull();
	}
}
