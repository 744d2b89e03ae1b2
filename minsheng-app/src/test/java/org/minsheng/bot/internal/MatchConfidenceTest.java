package org.minsheng.bot.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.minsheng.knowledge.ArticleType;
import org.minsheng.knowledge.SearchHit;

class MatchConfidenceTest {

	static SearchHit hit(float score, double coverage) {
		return new SearchHit(1, null, ArticleType.FAQ, "t", score, "", coverage);
	}

	@Test
	void nothingFoundIsNoConfidence() {
		assertThat(MatchConfidence.of(List.of())).isZero();
	}

	@Test
	void anArticleCoveringTheWholeQuestionFarAheadIsCertain() {
		assertThat(MatchConfidence.of(List.of(hit(20, 1.0)))).isEqualTo(1.0);
		assertThat(MatchConfidence.of(List.of(hit(20, 1.0), hit(2, 0.2)))).isGreaterThan(0.95);
	}

	@Test
	void coverageWeighsMoreThanTheLead() {
		var covered = MatchConfidence.of(List.of(hit(10, 0.9), hit(9.5f, 0.8)));
		var ahead = MatchConfidence.of(List.of(hit(10, 0.3), hit(1, 0.1)));
		assertThat(covered).isGreaterThan(ahead);
		assertThat(MatchConfidence.of(List.of(hit(10, 0.5), hit(10, 0.5)))).isEqualTo(0.4);
	}

	@Test
	void shortTurnsAndTurnsThatLeanOnTheLastAreFollowUps() {
		assertThat(MatchConfidence.looksLikeFollowUp("要带什么材料")).isTrue();
		assertThat(MatchConfidence.looksLikeFollowUp("那在哪里可以办理这个业务呢")).isTrue();
		assertThat(MatchConfidence.looksLikeFollowUp("我想咨询一下居住证办理需要哪些材料以及办理时限")).isFalse();
	}
}
