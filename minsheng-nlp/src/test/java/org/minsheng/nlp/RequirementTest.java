package org.minsheng.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class RequirementTest {

	@Test
	void aRunOfPlainCharactersIsNeededWhole() {
		assertThat(Requirement.of("上(了)?热搜")).isEqualTo(Set.of("上热搜", "上了热搜"));
		assertThat(Requirement.of("不(想|愿意)(再)?活")).isEqualTo(Set.of("不想活", "不想再活", "不愿意活", "不愿意再活"));
		assertThat(Requirement.of("(有人|已经有人|把人).{0,4}(受伤|砍伤)")).isEqualTo(Set.of("受伤", "砍伤"));
		assertThat(Requirement.of("(有人|把人).{0,4}伤")).as("pairs before single characters").isEqualTo(Set.of("有人", "把人"));
	}

	@Test
	void optionalPartsAndUnknownClassesNeedNothing() {
		assertThat(Requirement.of("(我|俺).{0,6}(想|要)(去)?死")).isEqualTo(Set.of("想死", "想去死", "要死", "要去死"));
		assertThat(Requirement.of("[跳跃]{2}楼")).as("a repeated class is not spelled out").isEqualTo(Set.of("楼"));
		assertThat(Requirement.of("(死)?")).isNull();
		assertThat(Requirement.of("\\d+楼")).isEqualTo(Set.of("楼"));
		assertThat(Requirement.of("[^a]b?")).isNull();
		assertThat(Requirement.of("a|.")).as("a branch that needs nothing").isNull();
	}

	@Test
	void flagsAndQuotingAreNotGuessedAt() {
		assertThat(Requirement.of("(?i)fire")).isNull();
		assertThat(Requirement.of("\\Qa.b\\E")).isNull();
		assertThat(Requirement.of("(?=x)y")).isNull();
	}

	/**
	 * The screen is only worth having if it never hides a match: every shipped pattern, on every
	 * text it matches among the shipped and held-out risk sentences and on texts built from each of its matches, must
	 * pass the screen.
	 */
	@Test
	void neverHidesAMatchOfAShippedPattern() throws Exception {
		var texts = new ArrayList<String>();
		for (var file : List.of("risk-sentences.csv", "risk-heldout.csv", "risk-heldout-2.csv", "risk-ordinary.csv")) {
			try (var in = RiskDetector.class.getResourceAsStream(file)) {
				new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(texts::add);
			}
		}
		texts.addAll(List.of("再不给钱我就从楼上跳下去", "三十多户业主一起去政府门口讨说法", "我要把他家的店砸了", "已经上了热搜"));
		int checked = 0;
		for (var policy : RiskDetector.defaults().policies()) {
			var needs = policy.needs();
			for (int i = 0; i < needs.length; i++) {
				if (needs[i] == null) continue;
				Pattern p = policy.patterns().get(i);
				for (var t : texts) {
					var folded = RiskDetector.fold(t);
					var m = p.matcher(folded);
					if (m.find()) {
						checked++;
						assertThat(TextChars.of(folded).mayHoldAny(needs[i])).as(p.pattern() + " on " + t).isTrue();
						assertThat(TextChars.of(m.group()).mayHoldAny(needs[i])).as(p.pattern() + " on its match " + m.group()).isTrue();
					}
				}
			}
		}
		assertThat(checked).isGreaterThan(3);
	}
}
