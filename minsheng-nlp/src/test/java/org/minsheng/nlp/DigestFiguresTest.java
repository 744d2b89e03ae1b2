package org.minsheng.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashMap;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.hankcs.hanlp.HanLP;

/**
 * How well the one-line summary stands for the citizen's own title: on the TipDM messages with a
 * detail of 60 characters or more, the summary of the detail alone (cut to 40 characters) against
 * the title the citizen wrote, by character overlap (ROUGE-1 and ROUGE-L F1 over Chinese
 * characters), beside HanLP's TextRank summary (what Minsheng used until session 7) and the
 * detail's first 40 characters. The summary's one setting (how much a later clause loses) was
 * chosen on the other file, the 2,816 messages with replies; these 826 were not used to choose it.
 * Reads {@code shared/data} (research data, not shipped).
 */
class DigestFiguresTest {

	@Test
	void summariesOfRealMessagesShareMoreWithTheCitizensTitleThanTextRankAndTheOpening() throws IOException {
		var rows = SharedData.csv("gov-messages/labeled-dev.csv");
		double[] ours = new double[2];
		double[] textRank = new double[2];
		double[] lead = new double[2];
		int n = 0;
		for (var r : rows) {
			var title = r.get("title");
			var detail = r.get("detail");
			if (title == null || detail == null || detail.strip().length() < Digest.LONG) continue;
			n++;
			add(ours, Digest.summary(detail, 40), title);
			var ranked = HanLP.extractSummary(detail, 1);
			add(textRank, ranked.isEmpty() ? "" : cut(ranked.get(0)), title);
			add(lead, cut(detail.strip()), title);
		}
		System.out.printf("summary against the citizen's title, %d messages: ROUGE-1 F1 / ROUGE-L F1 — Minsheng %.3f / %.3f,"
				+ " TextRank %.3f / %.3f, first 40 characters %.3f / %.3f%n", n, ours[0] / n, ours[1] / n, textRank[0] / n,
				textRank[1] / n, lead[0] / n, lead[1] / n);
		assertThat(n).isGreaterThan(700);
		assertThat(ours[0]).as("ROUGE-1 against TextRank's").isGreaterThan(textRank[0]);
		assertThat(ours[1]).as("ROUGE-L against TextRank's").isGreaterThan(textRank[1]);
		assertThat(ours[0]).as("ROUGE-1 against the opening's").isGreaterThan(lead[0]);
	}

	private static String cut(String s) {
		return s.length() > 40 ? s.substring(0, 40) : s;
	}

	private static void add(double[] sums, String summary, String title) {
		var a = han(summary == null ? "" : summary);
		var b = han(title);
		sums[0] += rouge1(a, b);
		sums[1] += rougeL(a, b);
	}

	/** The Chinese characters of a text, Simplified. */
	private static String han(String s) {
		var simple = HanLP.convertToSimplifiedChinese(s);
		var out = new StringBuilder();
		simple.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).forEach(out::appendCodePoint);
		return out.toString();
	}

	static double rouge1(String a, String b) {
		if (a.isEmpty() || b.isEmpty()) return 0;
		Map<Character, Integer> count = new HashMap<>();
		for (char c : b.toCharArray()) count.merge(c, 1, Integer::sum);
		int overlap = 0;
		for (char c : a.toCharArray()) {
			var left = count.get(c);
			if (left != null && left > 0) {
				overlap++;
				count.put(c, left - 1);
			}
		}
		return f1(overlap, a.length(), b.length());
	}

	static double rougeL(String a, String b) {
		if (a.isEmpty() || b.isEmpty()) return 0;
		var lcs = new int[a.length() + 1][b.length() + 1];
		for (int i = 1; i <= a.length(); i++) {
			for (int j = 1; j <= b.length(); j++) {
				lcs[i][j] = a.charAt(i - 1) == b.charAt(j - 1) ? lcs[i - 1][j - 1] + 1 : Math.max(lcs[i - 1][j], lcs[i][j - 1]);
			}
		}
		return f1(lcs[a.length()][b.length()], a.length(), b.length());
	}

	private static double f1(int overlap, int predicted, int reference) {
		if (overlap == 0) return 0;
		double p = overlap / (double) predicted;
		double r = overlap / (double) reference;
		return 2 * p * r / (p + r);
	}

	@Test
	void overlapFiguresAreRight() {
		assertThat(rouge1("路灯坏了", "路灯不亮")).isEqualTo(0.5);
		assertThat(rougeL("abcd", "acd")).isCloseTo(2 * 1.0 * 0.75 / 1.75, org.assertj.core.api.Assertions.within(1e-9));
	}

}
