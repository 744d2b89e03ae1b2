package org.minsheng.nlp;

import com.hankcs.hanlp.HanLP;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keywords and a one-line summary of a long request, to prefill an order's title: TextRank over HanLP's words
 * (keywords) and sentences (the most central sentence), with a hotline's filler left out (greetings, 希望, 谢谢,
 * 有关部门) so what remains says what and where.
 */
public final class Digest {

	/** Texts shorter than this are their own summary. */
	public static final int LONG = 60;

	private static final Set<String> FILLER = Set.of("您好", "你好", "领导", "尊敬", "希望", "谢谢", "感谢", "部门", "有关", "相关",
			"问题", "情况", "反映", "解决", "处理", "请求", "要求", "市民", "我们", "他们", "你们", "自己", "现在", "已经", "还是",
			"没有", "这个", "那个", "一下", "一个", "什么", "怎么", "可以", "能够", "是否", "因为", "所以", "但是", "而且", "非常",
			"严重", "影响", "目前", "多次", "期待", "关注", "回复", "尽快", "帮助", "麻烦");

	private static final Pattern LEAD = Pattern.compile("^(尊敬的|您好|你好|领导|各位|市长|书记|同志|，|,|！|!|：|:|\\s)+");

	private Digest() {
	}

	/** Up to {@code max} keywords, most central first: words of two characters or more, no filler. */
	public static List<String> keywords(String text, int max) {
		if (text == null || text.isBlank()) return List.of();
		return keywords(TextReading.of(text), max);
	}

	/** The keywords of a text already read (its words are not cut again). */
	public static List<String> keywords(TextReading reading, int max) {
		if (reading.simple().isBlank()) return List.of();
		List<String> out = new ArrayList<>();
		for (String word : new com.hankcs.hanlp.summary.TextRankKeyword().getKeywords(new ArrayList<>(reading.terms()), max * 3)) {
			if (word.length() < 2 || FILLER.contains(word) || word.chars().allMatch(Character::isDigit)) continue;
			out.add(word);
			if (out.size() == max) break;
		}
		return out;
	}

	/**
	 * The sentence that says most of what the text says, without a greeting, cut at {@code maxLength} characters (at a
	 * comma when there is one late enough); null for a short text.
	 */
	public static String summary(String text, int maxLength) {
		if (text == null || text.strip().length() < LONG) return null;
		List<String> sentences = HanLP.extractSummary(text, 3);
		String best = null;
		for (String s : sentences) {
			String clean = LEAD.matcher(s.strip()).replaceAll("");
			if (clean.length() >= 6) {
				best = clean;
				break;
			}
		}
		if (best == null) best = LEAD.matcher(text.strip()).replaceAll("");
		if (best.length() <= maxLength) return best;
		String cut = best.substring(0, maxLength);
		int comma = Math.max(cut.lastIndexOf('，'), cut.lastIndexOf(','));
		return comma >= maxLength / 2 ? cut.substring(0, comma) : cut;
	}
}
