package org.minsheng.bot.internal;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.minsheng.bot.FaqBot.Alternative;

/** What a citizen's short reply means in a conversation: a person wanted, a choice, a rejection, a complaint that it did not help. */
final class ConversationCues {

	private ConversationCues() {
	}

	private static final Pattern PERSON = Pattern.compile("(转|找|要|接|换)(个)?(人工|真人|客服|接线员|工作人员)|人工(服务|客服|坐席)|^人工$");

	private static final Pattern NONE = Pattern.compile("^(都不是|都不对|都没有|没有|不是|以上都不是|都不)[。！!，,]?$");

	private static final Pattern NOT_HELPED = Pattern.compile(
			"^(没用|没有用|不对|不是这个|没解决|没有解决|没帮助|答非所问|不是我要问的|不是我想问的)[。！!，,]?$");

	private static final Pattern NUMBER = Pattern.compile("^(第)?([1-9一二三四五六七八九])(个|项|条|种)?[。.、]?$");

	static boolean asksForAPerson(String text) {
		return PERSON.matcher(text.strip()).find();
	}

	static boolean rejectsAll(String text) {
		return NONE.matcher(text.strip()).matches();
	}

	static boolean notHelped(String text) {
		return NOT_HELPED.matcher(text.strip()).matches();
	}

	/** The offered article a reply picks: by its number (2, 第二个) or its title; empty when it picks none. */
	static Optional<Alternative> chosen(String text, List<Alternative> offered) {
		var t = text.strip();
		var m = NUMBER.matcher(t);
		if (m.matches()) {
			int n = "一二三四五六七八九".indexOf(m.group(2)) + 1;
			if (n == 0) n = Integer.parseInt(m.group(2));
			return n <= offered.size() ? Optional.of(offered.get(n - 1)) : Optional.empty();
		}
		return offered.stream().filter(a -> a.title().equals(t) || t.length() >= 4 && a.title().contains(t)).findFirst();
	}
}
