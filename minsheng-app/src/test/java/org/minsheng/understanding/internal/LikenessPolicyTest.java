package org.minsheng.understanding.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class LikenessPolicyTest {

	@Test
	void aCenterSetsHowAlikeAndHowRecentAndHowManyMakeAMassIssue() {
		var policy = new LikenessPolicy(Duration.ofDays(3), 0.6, 8, Duration.ofHours(12));

		assertThat(policy.duplicateWindow()).isEqualTo(Duration.ofDays(3));
		assertThat(policy.alike(0.6)).isTrue();
		assertThat(policy.alike(0.59)).isFalse();
		assertThat(policy.burstWindow()).isEqualTo(Duration.ofHours(12));
		assertThat(policy.burst(7)).isFalse();
		assertThat(policy.burst(8)).isTrue();
	}

	@Test
	void aSettingThatMakesNoSenseStopsTheStartWithItsName() {
		assertThatThrownBy(() -> new LikenessPolicy(Duration.ZERO, 0.4, 5, Duration.ofHours(24)))
			.hasMessageContaining("minsheng.nlp.duplicate-window");
		assertThatThrownBy(() -> new LikenessPolicy(Duration.ofDays(7), 1.5, 5, Duration.ofHours(24)))
			.hasMessageContaining("minsheng.nlp.duplicate-similarity");
		assertThatThrownBy(() -> new LikenessPolicy(Duration.ofDays(7), 0, 5, Duration.ofHours(24)))
			.hasMessageContaining("minsheng.nlp.duplicate-similarity");
		assertThatThrownBy(() -> new LikenessPolicy(Duration.ofDays(7), 0.4, 1, Duration.ofHours(24)))
			.hasMessageContaining("minsheng.nlp.burst-size");
		assertThatThrownBy(() -> new LikenessPolicy(Duration.ofDays(7), 0.4, 5, Duration.ofHours(-1)))
			.hasMessageContaining("minsheng.nlp.burst-window");
	}
}
