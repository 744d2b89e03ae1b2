package org.minsheng.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;
import org.minsheng.knowledge.ChineseScript;

class ChineseTextTest {

	static List<String> tokens(Analyzer analyzer, String text) throws IOException {
		var out = new ArrayList<String>();
		try (var stream = analyzer.tokenStream("body", text)) {
			var term = stream.addAttribute(CharTermAttribute.class);
			var offset = stream.addAttribute(OffsetAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				out.add(term + "@" + offset.startOffset() + "-" + offset.endOffset());
			}
			stream.end();
		}
		return out;
	}

	@Test
	void wordsKeepLatinAndNumbersWholeAndDropPunctuationAndFunctionWords() throws IOException {
		assertThat(tokens(ChineseText.words(), "请问ETC卡如何办理？拨打12345"))
			.containsExactly("etc@2-5", "卡@5-6", "办理@8-10", "拨打@11-13", "12345@13-18");
		assertThat(tokens(ChineseText.words(), "社保卡")).as("the words inside a word too")
			.contains("社保卡@0-3", "社保@0-2");
	}

	@Test
	void traditionalTextIsReadAsSimplifiedWithOffsetsIntoTheOriginal() throws IOException {
		assertThat(ChineseScript.toSimplified("臺北市計程車資訊")).isEqualTo("台北市计程车资讯");
		assertThat(ChineseScript.toSimplified("１２３４５熱線")).isEqualTo("12345热线");
		assertThat(tokens(ChineseText.words(), "社會保險")).startsWith("社会保险@0-4");
	}

	@Test
	void pairsAreOverlappingCharacterPairs() throws IOException {
		assertThat(tokens(ChineseText.bigrams(), "居住证 APP")).containsExactly("居住@0-2", "住证@1-3", "app@4-7");
	}

	@Test
	void synonymsExpandAQueryBothWays() throws IOException {
		var analyzer = ChineseText.words(ChineseText.synonyms(List.of(List.of("社保", "社会保险"))));
		assertThat(String.join(" ", tokens(analyzer, "社保卡"))).contains("社保").contains("社会保险");
		assertThat(String.join(" ", tokens(analyzer, "社会保险卡"))).contains("社保");
	}
}
